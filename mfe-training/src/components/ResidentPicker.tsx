import { Button, ErrorState, LoadingState, RadioGroup, TextField } from '@couronne/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useT } from '../i18n.ts';
import { answers } from './query-result.ts';
import { RESIDENT_MATCHES_SHOWN, ResidentPickerQuery, type ResidentMatch } from './resident-picker.graphql.ts';

export interface ResidentPickerProps {
  value: ResidentMatch | null;
  onChange: (resident: ResidentMatch) => void;
  /** Shown under the search field, e.g. « Choisissez la personne concernée. » after a failed submit. */
  errorMessage?: string;
}

/**
 * Finds a resident by part of their name (the residents the agent's roles cover) and picks one from the
 * matches, listed as a radio group. The search runs on « Rechercher » or Enter, not on every key: each
 * search is one request, and a screen reader hears the results once.
 */
export function ResidentPicker({ value, onChange, errorMessage }: ResidentPickerProps) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [term, setTerm] = useState('');
  const [missingTerm, setMissingTerm] = useState(false);
  const variables = { name: term, first: RESIDENT_MATCHES_SHOWN };
  const [result, reexecute] = useQuery({ query: ResidentPickerQuery, variables, pause: term === '' });
  const loaded = answers(result, variables);

  const search = () => {
    const name = draft.trim();
    setMissingTerm(name === '');
    if (name === '') return;
    if (name === term) reexecute({ requestPolicy: 'network-only' });
    else setTerm(name);
  };

  const matches = (loaded && result.data?.residents.edges.map((edge) => edge.node)) || [];
  const totalCount = (loaded && result.data?.residents.totalCount) || 0;

  return (
    <div className="cou-form">
      <div className="cou-toolbar">
        <TextField
          label={t('residentSearch')}
          description={t('residentSearchHelp')}
          value={draft}
          onChange={setDraft}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            search();
          }}
          errorMessage={missingTerm ? t('residentSearchMissing') : matches.length === 0 ? errorMessage : undefined}
        />
        <Button variant="secondary" onPress={search}>
          {t('residentSearchSubmit')}
        </Button>
      </div>
      {term !== '' &&
        (result.error && !loaded ? (
          <ErrorState message={t('residentSearchError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : !loaded ? (
          <LoadingState lines={2} />
        ) : matches.length === 0 ? (
          <p role="status">{t('residentNone', { name: term })}</p>
        ) : (
          <>
            <RadioGroup
              label={t('residentResults')}
              options={matches.map((resident) => ({
                id: resident.id,
                label: t('residentOption', { name: resident.displayName, commune: resident.commune?.name ?? t('residentNoCommune') }),
              }))}
              value={value?.id ?? null}
              onChange={(id) => {
                const resident = matches.find((match) => match.id === id);
                if (resident) onChange(resident);
              }}
              errorMessage={value ? undefined : errorMessage}
              isRequired
            />
            {totalCount > matches.length && <p role="status">{t('residentMore', { count: totalCount, shown: matches.length })}</p>}
          </>
        ))}
    </div>
  );
}
