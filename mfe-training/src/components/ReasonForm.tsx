import { Button, TextAreaField } from '@couronne/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../i18n.ts';

/** The API keeps a cancellation's reason up to 500 characters. */
const REASON_MAX = 500;

export interface ReasonFormProps {
  /** What the cancellation does, above the reason. */
  explanation: ReactNode;
  submitLabel: string;
  pending: boolean;
  /** Runs the mutation with the trimmed reason; answers the French message of a failure, or null. */
  onSubmit: (reason: string) => Promise<string | null>;
}

/** A cancellation's confirmation: its consequences, a required reason, the button that does it. */
export function ReasonForm({ explanation, submitLabel, pending, onSubmit }: ReasonFormProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    const invalid = !trimmed ? t('reasonRequired') : trimmed.length > REASON_MAX ? t('reasonTooLong', { max: REASON_MAX }) : undefined;
    setError(invalid);
    setFailure(null);
    if (invalid) return;
    setFailure(await onSubmit(trimmed));
  };

  return (
    <form className="cou-form" noValidate onSubmit={submit}>
      <div>{explanation}</div>
      <p role="alert" className={failure ? 'cou-form-error' : undefined}>
        {failure}
      </p>
      <TextAreaField label={t('reasonLabel')} description={t('reasonHelp')} value={reason} onChange={setReason} errorMessage={error} isRequired rows={3} />
      <Button type="submit" isPending={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
