/** Console: the modules of the agents' console that the viewer may open. */
import "./console-module.schema.js";

export { modulesFor } from "./console-module.policy.js";
