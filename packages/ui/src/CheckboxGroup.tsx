import { Checkbox, CheckboxGroup as AriaCheckboxGroup, FieldError, Label, Text } from 'react-aria-components';

export interface CheckboxOption {
  id: string;
  label: string;
}

export interface CheckboxGroupProps {
  /** Names the group (the fieldset's legend, for screen readers). */
  label: string;
  options: readonly CheckboxOption[];
  /** Ids of the checked options. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
}

/**
 * Several choices among a few (react-aria): a group named by its label, one native checkbox per option
 * (Tab reaches each, Space toggles it), the error announced with the group.
 */
export function CheckboxGroup({ label, options, value, onChange, description, errorMessage, ...props }: CheckboxGroupProps) {
  return (
    <AriaCheckboxGroup {...props} validationBehavior="aria" className="cou-choice-group" value={[...value]} onChange={onChange} isInvalid={Boolean(errorMessage)}>
      <Label className="cou-label">{label}</Label>
      {description && (
        <Text slot="description" className="cou-description">
          {description}
        </Text>
      )}
      <div className="cou-choice-group__options">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="cou-choice">
            <span className="cou-choice__box" aria-hidden="true" />
            {option.label}
          </Checkbox>
        ))}
      </div>
      <FieldError className="cou-field-error">{errorMessage}</FieldError>
    </AriaCheckboxGroup>
  );
}
