import { parseTime, type Time } from '@internationalized/date';
import { DateInput, DateSegment, FieldError, Label, Text, TimeField as AriaTimeField } from 'react-aria-components';

export interface TimeFieldProps {
  label: string;
  /** A wall-clock time `HH:MM` (24 h), null while incomplete. */
  value: string | null;
  onChange: (value: string | null) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const toText = (time: Time) => `${pad(time.hour)}:${pad(time.minute)}`;

/**
 * A time of day typed hour then minutes (react-aria segments: digits or ↑ ↓), on 24 hours, « 09:05 ». The caller
 * combines it with a day in Europe/Paris; the field itself knows no time zone.
 */
export function TimeField({ label, value, onChange, description, errorMessage, ...props }: TimeFieldProps) {
  return (
    <AriaTimeField
      {...props}
      validationBehavior="aria"
      className="cou-text-field"
      value={value ? parseTime(value) : null}
      onChange={(time) => onChange(time ? toText(time) : null)}
      hourCycle={24}
      granularity="minute"
      shouldForceLeadingZeros
      isInvalid={Boolean(errorMessage)}
    >
      <Label className="cou-label">{label}</Label>
      {description && (
        <Text slot="description" className="cou-description">
          {description}
        </Text>
      )}
      <DateInput className="cou-input cou-date-picker__input">{(segment) => <DateSegment segment={segment} className="cou-date-segment" />}</DateInput>
      <FieldError className="cou-field-error">{errorMessage}</FieldError>
    </AriaTimeField>
  );
}
