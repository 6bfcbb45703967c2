/** Territory: the EPCI, its communes and public places. */
import "./epci.schema.js";
import "./commune.schema.js";
import "./place.schema.js";

export { findCommuneByInseeCode, parseInseeCode } from "./commune.service.js";
export { communeGlobalId, placeGlobalId } from "./global-ids.js";
