import type { Ref } from 'react';
import { FieldError, Input, Label, Text, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  /** Help shown under the label and linked to the input (aria-describedby). */
  description?: string;
  errorMessage?: string;
  placeholder?: string;
  /** The input element, e.g. to move focus to it after a failed submit. */
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, description, errorMessage, placeholder, ref, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} className="cou-text-field" isInvalid={props.isInvalid ?? Boolean(errorMessage)}>
      <Label className="cou-label">{label}</Label>
      {description && (
        <Text slot="description" className="cou-description">
          {description}
        </Text>
      )}
      <Input ref={ref} className="cou-input" placeholder={placeholder} />
      <FieldError className="cou-field-error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
