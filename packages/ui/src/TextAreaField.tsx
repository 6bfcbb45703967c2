import { FieldError, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';

export interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  maxLength?: number;
  /** Visible lines; 4 by default. */
  rows?: number;
}

/** Text of several lines (a description, a reason), named by its label, its help and error linked to it. */
export function TextAreaField({ label, description, errorMessage, rows = 4, ...props }: TextAreaFieldProps) {
  return (
    <AriaTextField {...props} validationBehavior="aria" className="cou-text-field cou-text-area-field" isInvalid={Boolean(errorMessage)}>
      <Label className="cou-label">{label}</Label>
      {description && (
        <Text slot="description" className="cou-description">
          {description}
        </Text>
      )}
      <TextArea className="cou-input" rows={rows} />
      <FieldError className="cou-field-error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
