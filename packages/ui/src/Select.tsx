import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select as AriaSelect, SelectValue, Text, type Key } from 'react-aria-components';
import { useUiStrings } from './UiProvider.tsx';

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectProps {
  label: string;
  options: readonly SelectOption[];
  selectedKey?: string | null;
  onSelectionChange?: (id: string) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  name?: string;
}

/** A list box opened by a button (react-aria: arrows, type-ahead, Escape), named by its label. */
export function Select({ label, options, selectedKey, onSelectionChange, description, errorMessage, ...props }: SelectProps) {
  const strings = useUiStrings();
  return (
    <AriaSelect
      {...props}
      className="cou-select"
      placeholder={strings.selectPlaceholder}
      selectedKey={selectedKey}
      onSelectionChange={(key: Key | null) => key !== null && onSelectionChange?.(String(key))}
      isInvalid={Boolean(errorMessage)}
    >
      <Label className="cou-label">{label}</Label>
      {description && (
        <Text slot="description" className="cou-description">
          {description}
        </Text>
      )}
      <Button className="cou-input cou-select__button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError className="cou-field-error">{errorMessage}</FieldError>
      <Popover className="cou-popover">
        <ListBox className="cou-listbox" items={options}>
          {(option) => (
            <ListBoxItem className="cou-listbox__item" id={option.id}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
