import { Button, CheckboxGroup, NumberField, RadioGroup, TextAreaField, TextField } from '@couronne/ui';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { failureKey, isTypedError } from '../../components/mutation-errors.ts';
import {
  AUDIENCE_LABELS,
  LEVEL_LABELS,
  THEME_LABELS,
  TRAINING_AUDIENCES,
  TRAINING_LEVELS,
  TRAINING_THEMES,
  type TrainingAudience,
  type TrainingLevel,
  type TrainingTheme,
} from '../../components/enum-labels.ts';
import { useT } from '../../i18n.ts';
import { CreateCourseMutation, UpdateCourseMutation, type CourseRow } from './course-catalogue.graphql.ts';

/** The API's limits (CreateCourseInput), checked here first so that each field says what is wrong. */
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;
const DURATION_MAX = 1440;

interface Errors {
  title?: string;
  description?: string;
  themes?: string;
  level?: string;
  audience?: string;
  duration?: string;
}

export interface CourseFormProps {
  /** The course to change; a new course when absent. */
  course?: CourseRow;
  onSaved: (course: CourseRow) => void;
}

/** « Nouvelle formation » and « Modifier »: every field of a course, checked as the API will. */
export function CourseForm({ course, onSaved }: CourseFormProps) {
  const t = useT();
  const [title, setTitle] = useState(course?.title ?? '');
  const [description, setDescription] = useState(course?.description ?? '');
  const [themes, setThemes] = useState<TrainingTheme[]>(course?.themes ?? []);
  const [level, setLevel] = useState<TrainingLevel | null>(course?.level ?? null);
  const [audience, setAudience] = useState<TrainingAudience | null>(course?.audience ?? null);
  const [duration, setDuration] = useState<number | null>(course?.durationMinutes ?? null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, create] = useMutation(CreateCourseMutation);
  const [updated, update] = useMutation(UpdateCourseMutation);

  const validate = (): Errors => {
    const found: Errors = {};
    if (!title.trim()) found.title = t('courseTitleRequired');
    else if (title.trim().length > TITLE_MAX) found.title = t('courseTitleTooLong', { max: TITLE_MAX });
    if (!description.trim()) found.description = t('courseDescriptionRequired');
    else if (description.trim().length > DESCRIPTION_MAX) found.description = t('courseDescriptionTooLong', { max: DESCRIPTION_MAX });
    if (themes.length === 0) found.themes = t('courseThemesRequired');
    if (!level) found.level = t('courseLevelRequired');
    if (!audience) found.audience = t('courseAudienceRequired');
    if (duration === null || duration < 1 || duration > DURATION_MAX) found.duration = t('courseDurationRange', { max: DURATION_MAX });
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || !level || !audience || duration === null) return;
    const input = { title: title.trim(), description: description.trim(), themes, level, audience, durationMinutes: duration };
    const result = course ? await update({ input: { courseId: course.id, ...input } }) : await create({ input });
    const payload = result.data ? ('updateCourse' in result.data ? result.data.updateCourse : result.data.createCourse) : undefined;
    const key = failureKey(payload, result.error, { CONFLICT: 'courseTitleTaken', NOT_FOUND: 'courseGone' });
    if (key === 'courseTitleTaken') {
      setErrors({ title: t(key) });
      return;
    }
    if (key || !payload || isTypedError(payload)) {
      setFailure(t(key ?? 'errorInternal'));
      return;
    }
    onSaved(payload.course);
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form className="cou-form" noValidate onSubmit={submit} aria-label={t(course ? 'courseEditTitle' : 'courseCreateTitle')}>
      <p role="alert" className={failure || hasErrors ? 'cou-form-error' : undefined}>
        {failure ?? (hasErrors ? t('formHasErrors', { count: Object.keys(errors).length }) : null)}
      </p>
      <TextField label={t('courseTitle')} value={title} onChange={setTitle} errorMessage={errors.title} isRequired validationBehavior="aria" />
      <TextAreaField
        label={t('courseDescription')}
        description={t('courseDescriptionHelp')}
        value={description}
        onChange={setDescription}
        errorMessage={errors.description}
        isRequired
      />
      <CheckboxGroup
        label={t('courseThemes')}
        options={TRAINING_THEMES.map((theme) => ({ id: theme, label: t(THEME_LABELS[theme]) }))}
        value={themes}
        onChange={(value) => setThemes(value as TrainingTheme[])}
        errorMessage={errors.themes}
        isRequired
      />
      <RadioGroup
        label={t('courseLevel')}
        options={TRAINING_LEVELS.map((value) => ({ id: value, label: t(LEVEL_LABELS[value]) }))}
        value={level}
        onChange={(value) => setLevel(value as TrainingLevel)}
        errorMessage={errors.level}
        orientation="horizontal"
        isRequired
      />
      <RadioGroup
        label={t('courseAudience')}
        options={TRAINING_AUDIENCES.map((value) => ({ id: value, label: t(AUDIENCE_LABELS[value]) }))}
        value={audience}
        onChange={(value) => setAudience(value as TrainingAudience)}
        errorMessage={errors.audience}
        isRequired
      />
      <NumberField
        label={t('courseDuration')}
        description={t('courseDurationHelp', { max: DURATION_MAX })}
        minValue={1}
        maxValue={DURATION_MAX}
        value={duration}
        onChange={setDuration}
        errorMessage={errors.duration}
        isRequired
      />
      <Button type="submit" isPending={created.fetching || updated.fetching}>
        {t(course ? 'courseEditSubmit' : 'courseCreateSubmit')}
      </Button>
    </form>
  );
}
