import { describe, expect, it } from 'vitest';
import tokensCss from './tokens.css?raw';

const colours = new Map(
  [...tokensCss.matchAll(/--cou-color-([\w-]+):\s*(#[0-9a-f]{6});/gi)].map(([, name, hex]) => [name as string, hex as string]),
);

function luminance(hex: string) {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(foreground: string, background: string) {
  const [light, dark] = [luminance(colour(foreground)), luminance(colour(background))].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function colour(name: string) {
  const hex = colours.get(name);
  if (!hex) throw new Error(`No token --cou-color-${name}`);
  return hex;
}

// WCAG 2.1 AA: 4.5:1 for text (1.4.3), 3:1 for borders of inputs and focus indicators (1.4.11).
const textPairs: [string, string][] = [
  ['text', 'background'],
  ['text', 'surface'],
  ['text-muted', 'background'],
  ['text-muted', 'surface'],
  ['link', 'background'],
  ['link', 'surface'],
  ['primary', 'background'],
  ['primary', 'surface'],
  ['on-primary', 'primary'],
  ['on-primary', 'primary-hover'],
  ['danger', 'background'],
  ['danger', 'danger-surface'],
  ['text', 'danger-surface'],
  ['on-header', 'header'],
];
const nonTextPairs: [string, string][] = [
  ['border', 'background'],
  ['focus', 'background'],
  ['focus', 'surface'],
  ['focus', 'danger-surface'],
  ['focus-on-header', 'header'],
  // The focus ring of a selectable event in the week calendar, drawn on the event.
  ['focus-on-header', 'primary'],
];

describe('design tokens', () => {
  it('parses the colour tokens', () => {
    expect(colours.size).toBeGreaterThan(10);
  });

  it.each(textPairs)('text %s on %s reaches 4.5:1', (foreground, background) => {
    expect(contrast(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(nonTextPairs)('%s on %s reaches 3:1', (foreground, background) => {
    expect(contrast(foreground, background)).toBeGreaterThanOrEqual(3);
  });
});
