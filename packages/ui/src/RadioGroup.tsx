import { FieldError, Label, Radio, RadioGroup as AriaRadioGroup, Text } from 'react-aria-components';

export interface RadioOption {
  id: string;
  label: string;
}

export interface RadioGroupProps {
  /** Names the group. */
  label: string;
  options: readonly RadioOption[];
  /** Id of the chosen option, null for none yet. */
  value: string | null;
  onChange: (value: string) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  orientation?: 'horizontal' | 'vertical';
}

/** One choice among a few (react-aria): one tab stop for the group, arrows move between the options. */
export function RadioGroup({ label, options, value, onChange, description, errorMessage, orientation = 'vertical', ...props }: RadioGroupProps) {
  return (
    <AriaRadioGroup
      {...props}
      validationBehavior="aria"
      className={`cou-choice-group cou-choice-group--${orientation}`}
      orientation={orientation}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
    >
      <Label className="cou-label">{label}</Label>
      {description && (
        <Text slot="description" className="cou-description">
          {description}
        </Text>
      )}
      <div className="cou-choice-group__options">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="cou-choice cou-choice--radio">
            <span className="cou-choice__box" aria-hidden="true" />
            {option.label}
          </Radio>
        ))}
      </div>
      <FieldError className="cou-field-error">{errorMessage}</FieldError>
    </AriaRadioGroup>
  );
}
