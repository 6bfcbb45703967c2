/** Training (digital inclusion): course catalogue, training sessions and enrolments, digital advisors, activity reports and statistics. */
import "./advisor.schema.js";
import "./activity-report.schema.js";
import "./activity-statistics.schema.js";
