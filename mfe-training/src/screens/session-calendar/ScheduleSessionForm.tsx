import { formatDateTime, formatTime, useConsole } from '@couronne/console-kit';
import { Button, DatePicker, NumberField, Select, TimeField } from '@couronne/ui';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { failureKey, isTypedError } from '../../components/mutation-errors.ts';
import { parisDayOf, parisInstant } from '../../components/paris-time.ts';
import { useT } from '../../i18n.ts';
import { ScheduleTrainingSessionMutation, type SchedulingCourse, type SchedulingRoom } from './session-calendar.graphql.ts';

const NO_TRAINER = 'NONE';
/** What the API accepts (ScheduleTrainingSessionInput.capacity); the room may seat fewer, which the API then refuses. */
const MAX_CAPACITY = 500;

export interface ScheduleSessionFormProps {
  courses: readonly SchedulingCourse[];
  rooms: readonly SchedulingRoom[];
  /** The signed-in agent, who may name themself as the trainer. */
  agent: { id: string; displayName: string } | null;
  /** The day the calendar shows, proposed as the session's day. */
  day: string;
  onScheduled: (session: { id: string; startsAt: string }) => void;
}

interface Errors {
  course?: string;
  room?: string;
  date?: string;
  time?: string;
  capacity?: string;
}

/** « Programmer une séance »: course, room, day and time in Paris, capacity, optional trainer. */
export function ScheduleSessionForm({ courses, rooms, agent, day, onScheduled }: ScheduleSessionFormProps) {
  const t = useT();
  const { locale } = useConsole();
  const today = parisDayOf(new Date());
  const [courseId, setCourseId] = useState<string | null>(null);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(day < today ? today : day);
  const [time, setTime] = useState<string | null>(null);
  const [capacity, setCapacity] = useState<number | null>(12);
  const [trainer, setTrainer] = useState(NO_TRAINER);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, schedule] = useMutation(ScheduleTrainingSessionMutation);

  const course = courses.find((c) => c.id === courseId);
  const startsAt = date && time ? parisInstant(date, time) : null;
  const endsAt = startsAt && course ? new Date(new Date(startsAt).getTime() + course.durationMinutes * 60_000).toISOString() : null;

  const validate = (): Errors => {
    const found: Errors = {};
    if (!courseId) found.course = t('scheduleCourseRequired');
    if (!roomId) found.room = t('scheduleRoomRequired');
    if (!date) found.date = t('scheduleDateRequired');
    else if (date < today) found.date = t('scheduleDatePast');
    if (!time) found.time = t('scheduleTimeRequired');
    else if (startsAt && date === today && startsAt <= new Date().toISOString()) found.time = t('scheduleTimePast');
    if (capacity === null || capacity < 1 || capacity > MAX_CAPACITY) found.capacity = t('scheduleCapacityRange', { max: MAX_CAPACITY });
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || !courseId || !roomId || !startsAt || capacity === null) return;
    const result = await schedule({
      input: { courseId, roomId, startsAt, capacity, ...(trainer !== NO_TRAINER ? { trainerId: trainer } : {}) },
    });
    const payload = result.data?.scheduleTrainingSession;
    const key = failureKey(payload, result.error, { CONFLICT: 'scheduleConflict', BAD_USER_INPUT: 'scheduleRefused', NOT_FOUND: 'scheduleNotFound' });
    if (key || !payload || isTypedError(payload)) {
      setFailure(t(key ?? 'errorInternal'));
      return;
    }
    onScheduled(payload.session);
  };

  const trainers = [{ id: NO_TRAINER, label: t('scheduleNoTrainer') }, ...(agent ? [{ id: agent.id, label: t('scheduleTrainerMe', { name: agent.displayName }) }] : [])];

  return (
    <form className="cou-form" noValidate onSubmit={submit} aria-label={t('scheduleTitle')}>
      <p role="alert" className={failure ? 'cou-form-error' : undefined}>
        {failure}
      </p>
      <Select
        label={t('scheduleCourse')}
        options={courses.map((c) => ({ id: c.id, label: c.title }))}
        selectedKey={courseId}
        onSelectionChange={setCourseId}
        errorMessage={errors.course}
        isRequired
      />
      <Select
        label={t('scheduleRoom')}
        options={rooms.map((room) => ({ id: room.id, label: t('roomOption', { room: room.name, place: room.place.name }) }))}
        selectedKey={roomId}
        onSelectionChange={setRoomId}
        errorMessage={errors.room}
        isRequired
      />
      <DatePicker label={t('scheduleDate')} value={date} onChange={setDate} minValue={today} errorMessage={errors.date} isRequired />
      <TimeField
        label={t('scheduleTime')}
        description={endsAt ? t('scheduleEndsAt', { time: formatTime(endsAt, locale) }) : t('scheduleTimeHelp')}
        value={time}
        onChange={setTime}
        errorMessage={errors.time}
        isRequired
      />
      <NumberField
        label={t('scheduleCapacity')}
        minValue={1}
        maxValue={MAX_CAPACITY}
        value={capacity}
        onChange={setCapacity}
        errorMessage={errors.capacity}
        isRequired
      />
      <Select label={t('scheduleTrainer')} options={trainers} selectedKey={trainer} onSelectionChange={setTrainer} />
      {startsAt && course && !errors.date && !errors.time && <p className="cou-description">{t('scheduleSummary', { course: course.title, when: formatDateTime(startsAt, locale) })}</p>}
      <Button type="submit" isPending={fetching}>
        {t('scheduleSubmit')}
      </Button>
    </form>
  );
}
