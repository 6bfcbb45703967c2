import { parseDate, type CalendarDate } from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker as AriaDatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
} from 'react-aria-components';
import { useUiStrings } from './UiProvider.tsx';

export interface DatePickerProps {
  label: string;
  /** A calendar date `YYYY-MM-DD` (the API's Date scalar): a day, with no time zone to shift it. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  minValue?: string;
  maxValue?: string;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
}

const toDate = (value: string | null | undefined): CalendarDate | null | undefined => (value ? parseDate(value) : value === null ? null : undefined);

/**
 * A date typed segment by segment (jj/mm/aaaa in French, from the UiProvider's locale) or picked in a
 * month calendar; weeks start on Monday in fr-FR. « Today » is the Europe/Paris day wherever the
 * browser is, because callers pass dates as `YYYY-MM-DD` computed in that zone (console-kit/format).
 */
export function DatePicker({ label, value, onChange, minValue, maxValue, description, errorMessage, isRequired }: DatePickerProps) {
  const strings = useUiStrings();
  return (
    <AriaDatePicker
      className="cou-date-picker"
      value={toDate(value)}
      onChange={(date) => onChange?.(date ? date.toString() : null)}
      minValue={toDate(minValue) ?? undefined}
      maxValue={toDate(maxValue) ?? undefined}
      isRequired={isRequired}
      isInvalid={Boolean(errorMessage)}
    >
      <Label className="cou-label">{label}</Label>
      {description && (
        <Text slot="description" className="cou-description">
          {description}
        </Text>
      )}
      <Group className="cou-input cou-date-picker__group">
        <DateInput className="cou-date-picker__input">{(segment) => <DateSegment segment={segment} className="cou-date-segment" />}</DateInput>
        <Button className="cou-icon-button" aria-label={strings.openCalendar}>
          <span aria-hidden="true">📅</span>
        </Button>
      </Group>
      <FieldError className="cou-field-error">{errorMessage}</FieldError>
      <Popover className="cou-popover">
        <Dialog className="cou-calendar-dialog">
          <Calendar className="cou-calendar">
            <header className="cou-calendar__header">
              <Button slot="previous" className="cou-icon-button" aria-label={strings.previousMonth}>
                <span aria-hidden="true">‹</span>
              </Button>
              <Heading />
              <Button slot="next" className="cou-icon-button" aria-label={strings.nextMonth}>
                <span aria-hidden="true">›</span>
              </Button>
            </header>
            <CalendarGrid>{(date) => <CalendarCell date={date} className="cou-calendar__cell" />}</CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </AriaDatePicker>
  );
}
