/** Training (digital inclusion): course catalogue, training sessions and enrolments, digital advisors, activity reports and statistics. */
import "./course.schema.js";
import "./training-session.schema.js";
import "./enrolment.schema.js";
import "./advisor.schema.js";
import "./activity-report.schema.js";
import "./activity-statistics.schema.js";
