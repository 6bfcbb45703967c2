import { Button } from '@couronne/ui';
import { useState } from 'react';
import { useMutation } from 'urql';
import { failureKey } from '../../components/mutation-errors.ts';
import { useT } from '../../i18n.ts';
import { ArchiveCourseMutation, type CourseRow } from './course-catalogue.graphql.ts';

/** The body of « Archiver »'s confirmation: what archiving does, then the button that does it. */
export function ArchiveCourseConfirm({ course, onArchived }: { course: CourseRow; onArchived: (course: CourseRow) => void }) {
  const t = useT();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, archive] = useMutation(ArchiveCourseMutation);

  const confirm = async () => {
    setFailure(null);
    const result = await archive({ input: { courseId: course.id } });
    const payload = result.data?.archiveCourse;
    const key = failureKey(payload, result.error, { NOT_FOUND: 'courseGone' });
    if (key || !payload || !('course' in payload)) {
      setFailure(t(key ?? 'errorInternal'));
      return;
    }
    onArchived(payload.course);
  };

  return (
    <div className="cou-form">
      <p>{t('archiveExplanation', { count: course.sessions.totalCount })}</p>
      <p role="alert" className={failure ? 'cou-form-error' : undefined}>
        {failure}
      </p>
      <Button onPress={confirm} isPending={fetching}>
        {t('archiveConfirm')}
      </Button>
    </div>
  );
}
