import { Button, RadioGroup } from '@couronne/ui';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { failureKey } from '../../components/mutation-errors.ts';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus } from '../../components/enum-labels.ts';
import { useT } from '../../i18n.ts';
import { RecordAttendanceMutation, type SessionEnrolment } from './session-detail.graphql.ts';

export interface AttendanceFormProps {
  sessionId: string;
  /** The ENROLLED enrolments: attendance is taken for the people who had a seat. */
  enrolments: readonly SessionEnrolment[];
  onRecorded: (count: number) => void;
}

/** Attendance, once the session has started: present, absent or excused for each enrolled person. */
export function AttendanceForm({ sessionId, enrolments, onRecorded }: AttendanceFormProps) {
  const t = useT();
  const [values, setValues] = useState<Record<string, AttendanceStatus | null>>(() =>
    Object.fromEntries(enrolments.map((enrolment) => [enrolment.id, enrolment.attendance])),
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, record] = useMutation(RecordAttendanceMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const attendances = enrolments.flatMap((enrolment) => {
      const attendance = values[enrolment.id];
      return attendance ? [{ enrolmentId: enrolment.id, attendance }] : [];
    });
    if (attendances.length === 0) {
      setFailure(t('attendanceNoneChosen'));
      return;
    }
    const result = await record({ input: { sessionId, attendances } });
    const key = failureKey(result.data?.recordAttendance, result.error, { BAD_USER_INPUT: 'attendanceRefused' });
    if (key) {
      setFailure(t(key));
      return;
    }
    onRecorded(attendances.length);
  };

  return (
    <form className="cou-form" noValidate onSubmit={submit} aria-label={t('attendanceTitle')}>
      <p role="alert" className={failure ? 'cou-form-error' : undefined}>
        {failure}
      </p>
      <Button
        variant="secondary"
        onPress={() => setValues(Object.fromEntries(enrolments.map((enrolment) => [enrolment.id, 'PRESENT' as const])))}
      >
        {t('attendanceAllPresent')}
      </Button>
      {enrolments.map((enrolment) => (
        <RadioGroup
          key={enrolment.id}
          label={t('attendanceOf', { name: enrolment.resident?.displayName ?? t('sessionResidentHidden') })}
          options={ATTENDANCE_STATUSES.map((status) => ({ id: status, label: t(ATTENDANCE_LABELS[status]) }))}
          value={values[enrolment.id] ?? null}
          onChange={(value) => setValues((previous) => ({ ...previous, [enrolment.id]: value as AttendanceStatus }))}
          orientation="horizontal"
        />
      ))}
      <Button type="submit" isPending={fetching}>
        {t('attendanceSubmit')}
      </Button>
    </form>
  );
}
