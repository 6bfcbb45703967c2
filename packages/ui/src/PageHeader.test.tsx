import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PageHeader } from './PageHeader.tsx';

describe('PageHeader', () => {
  it('gives the page its level-1 heading', () => {
    render(<PageHeader title="Communes de l'agglomération" description="38 communes" />);
    expect(screen.getByRole('heading', { level: 1, name: "Communes de l'agglomération" })).toBeTruthy();
  });
});
