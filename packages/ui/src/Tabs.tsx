import type { ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs as AriaTabs } from 'react-aria-components';

export interface TabItem {
  id: string;
  title: string;
  content: ReactNode;
}

export interface TabsProps {
  /** Names the tab list for screen readers. */
  label: string;
  items: readonly TabItem[];
  selectedKey?: string;
  onSelectionChange?: (id: string) => void;
}

/** WAI-ARIA tabs (react-aria): arrows move between tabs, Tab goes into the selected panel. */
export function Tabs({ label, items, selectedKey, onSelectionChange }: TabsProps) {
  return (
    <AriaTabs className="cou-tabs" selectedKey={selectedKey} onSelectionChange={(key) => onSelectionChange?.(String(key))}>
      <TabList className="cou-tabs__list" aria-label={label}>
        {items.map((item) => (
          <Tab key={item.id} id={item.id} className="cou-tabs__tab">
            {item.title}
          </Tab>
        ))}
      </TabList>
      {items.map((item) => (
        <TabPanel key={item.id} id={item.id} className="cou-tabs__panel">
          {item.content}
        </TabPanel>
      ))}
    </AriaTabs>
  );
}
