import { Button, EmptyState, ErrorState, LoadingState, TextField } from '@couronne/ui';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { failureKey, isTypedError } from '../../components/mutation-errors.ts';
import { useT } from '../../i18n.ts';
import { EnrolInTrainingSessionMutation, ResidentSearchQuery, type FoundResident } from './session-detail.graphql.ts';

/** The API matches a part of the name; two letters keep the list short. */
const MIN_SEARCH = 2;

export interface EnrolResidentFormProps {
  sessionId: string;
  /** Residents already on the session (enrolled, offered or waiting): they get no « Inscrire » button. */
  enrolledResidentIds: ReadonlySet<string>;
  /** The outcome, in French, also shown on the page once the dialog is closed. */
  onEnrolled: (message: string) => void;
}

/** « Inscrire un habitant »: find a resident by name, then enrol them (a seat, or the waiting list when full). */
export function EnrolResidentForm({ sessionId, enrolledResidentIds, onEnrolled }: EnrolResidentFormProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [name, setName] = useState<string | null>(null);
  const [searchError, setSearchError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ message: string; failed: boolean } | null>(null);
  const [search, reexecute] = useQuery({ query: ResidentSearchQuery, variables: { name: name ?? '' }, pause: name === null });
  const [{ fetching }, enrol] = useMutation(EnrolInTrainingSessionMutation);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = text.trim();
    if (wanted.length < MIN_SEARCH) {
      setSearchError(t('enrolSearchTooShort', { min: MIN_SEARCH }));
      return;
    }
    setSearchError(undefined);
    setOutcome(null);
    setName(wanted);
  };

  const enrolResident = async (resident: FoundResident) => {
    const result = await enrol({ input: { sessionId, residentId: resident.id } });
    const payload = result.data?.enrolInTrainingSession;
    const key = failureKey(payload, result.error, { CONFLICT: 'enrolConflict', BAD_USER_INPUT: 'enrolRefused', NOT_FOUND: 'enrolNotFound' });
    if (key || !payload || isTypedError(payload)) {
      setOutcome({ message: t(key ?? 'errorInternal', { name: resident.displayName }), failed: true });
      return;
    }
    const { enrolment } = payload;
    const message =
      enrolment.status === 'WAITLISTED'
        ? t('enrolWaitlisted', { name: resident.displayName, position: enrolment.waitlistPosition ?? 0 })
        : t('enrolEnrolled', { name: resident.displayName });
    setOutcome({ message, failed: false });
    onEnrolled(message);
  };

  const residents = search.data?.residents.edges.map((edge) => edge.node) ?? [];
  let results = null;
  if (name !== null) {
    if (search.error && !search.data) {
      results = <ErrorState message={t('enrolSearchError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    } else if (!search.data || search.fetching) {
      results = <LoadingState lines={2} />;
    } else if (residents.length === 0) {
      results = <EmptyState title={t('enrolSearchEmpty', { name })} />;
    } else {
      const total = search.data.residents.totalCount;
      results = (
        <>
          <p>{total > residents.length ? t('enrolSearchTruncated', { count: residents.length, total }) : t('enrolSearchCount', { count: total })}</p>
          <ul className="cou-result-list">
            {residents.map((resident) => (
              <li key={resident.id}>
                <span>
                  <strong>{resident.displayName}</strong>
                  <br />
                  {resident.commune ? t('enrolResidentFrom', { email: resident.email, commune: resident.commune.name }) : resident.email}
                </span>
                {enrolledResidentIds.has(resident.id) ? (
                  <span>{t('enrolAlreadyOnSession')}</span>
                ) : (
                  <Button
                    variant="secondary"
                    onPress={() => enrolResident(resident)}
                    isDisabled={fetching}
                    aria-label={t('enrolResidentNamed', { name: resident.displayName })}
                  >
                    {t('enrolResident')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      );
    }
  }

  return (
    <div className="cou-form">
      <form className="cou-toolbar" role="search" noValidate onSubmit={submit} aria-label={t('enrolSearch')}>
        <TextField label={t('enrolSearchLabel')} type="search" value={text} onChange={setText} errorMessage={searchError} validationBehavior="aria" />
        <Button type="submit" variant="secondary">
          {t('enrolSearchSubmit')}
        </Button>
      </form>
      <p role="status" className={outcome ? (outcome.failed ? 'cou-form-error' : 'cou-notice') : undefined}>
        {outcome?.message}
      </p>
      {results}
    </div>
  );
}
