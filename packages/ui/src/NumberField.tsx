import { Button, FieldError, Group, Input, Label, NumberField as AriaNumberField, Text } from 'react-aria-components';

export interface NumberFieldProps {
  label: string;
  /** null while the field is empty. */
  value: number | null;
  onChange: (value: number | null) => void;
  minValue?: number;
  maxValue?: number;
  step?: number;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
}

/**
 * A whole number typed or changed with ↑ ↓ (react-aria, in the UiProvider's locale), with − and +
 * buttons that react-aria names (« Diminuer », « Augmenter »), out of the tab order as the arrows do the same.
 */
export function NumberField({ label, value, onChange, description, errorMessage, step = 1, ...props }: NumberFieldProps) {
  return (
    <AriaNumberField
      {...props}
      validationBehavior="aria"
      className="cou-text-field cou-number-field"
      step={step}
      value={value ?? Number.NaN}
      onChange={(next) => onChange(Number.isNaN(next) ? null : next)}
      isInvalid={Boolean(errorMessage)}
      formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
    >
      <Label className="cou-label">{label}</Label>
      {description && (
        <Text slot="description" className="cou-description">
          {description}
        </Text>
      )}
      <Group className="cou-number-field__group">
        <Button slot="decrement" className="cou-icon-button" excludeFromTabOrder>
          <span aria-hidden="true">−</span>
        </Button>
        <Input className="cou-input" />
        <Button slot="increment" className="cou-icon-button" excludeFromTabOrder>
          <span aria-hidden="true">+</span>
        </Button>
      </Group>
      <FieldError className="cou-field-error">{errorMessage}</FieldError>
    </AriaNumberField>
  );
}
