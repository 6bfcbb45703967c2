import { gql } from '@urql/core';
import { ERROR_FIELDS, type TypedError } from '../../components/mutation-errors.ts';
import type { TrainingAudience, TrainingLevel, TrainingTheme } from '../../components/enum-labels.ts';

export interface CourseRow {
  id: string;
  title: string;
  description: string;
  themes: TrainingTheme[];
  level: TrainingLevel;
  audience: TrainingAudience;
  durationMinutes: number;
  isArchived: boolean;
  /** Sessions to come (not cancelled): only their count is asked. */
  sessions: { totalCount: number };
}

export interface CourseFilter {
  themes?: TrainingTheme[];
  audience?: TrainingAudience;
  search?: string;
}

export interface CourseCatalogueData {
  courses: { totalCount: number; edges: { node: CourseRow }[] };
}

const COURSE_FIELDS = `
      id
      title
      description
      themes
      level
      audience
      durationMinutes
      isArchived
      sessions(first: 1) {
        totalCount
      }`;

// The catalogue holds tens of courses: one page of 100 (the API's maximum), sorted and paged in the table.
export const CourseCatalogueQuery = gql<CourseCatalogueData, { filter: CourseFilter }>`
  query CourseCatalogue($filter: CourseFilter) {
    courses(first: 100, filter: $filter) {
      totalCount
      edges {
        node {${COURSE_FIELDS}
        }
      }
    }
  }
`;

export interface CourseFields {
  title: string;
  description: string;
  themes: TrainingTheme[];
  level: TrainingLevel;
  audience: TrainingAudience;
  durationMinutes: number;
}

type Saved<Name extends string> = { __typename: Name; course: CourseRow } | TypedError | null;

export const CreateCourseMutation = gql<{ createCourse: Saved<'CreateCourseSuccess'> }, { input: CourseFields }>`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      ... on CreateCourseSuccess {
        course {${COURSE_FIELDS}
        }
      }${ERROR_FIELDS}
    }
  }
`;

export const UpdateCourseMutation = gql<{ updateCourse: Saved<'UpdateCourseSuccess'> }, { input: CourseFields & { courseId: string } }>`
  mutation UpdateCourse($input: UpdateCourseInput!) {
    updateCourse(input: $input) {
      ... on UpdateCourseSuccess {
        course {${COURSE_FIELDS}
        }
      }${ERROR_FIELDS}
    }
  }
`;

export const ArchiveCourseMutation = gql<{ archiveCourse: Saved<'ArchiveCourseSuccess'> }, { input: { courseId: string } }>`
  mutation ArchiveCourse($input: ArchiveCourseInput!) {
    archiveCourse(input: $input) {
      ... on ArchiveCourseSuccess {
        course {${COURSE_FIELDS}
        }
      }${ERROR_FIELDS}
    }
  }
`;
