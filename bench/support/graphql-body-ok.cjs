// autocannon's `verifyBody`, loaded by path in its worker thread: a response whose body carries a GraphQL
// `errors` array is counted as a mismatch, so a run that only measured error responses shows it.
module.exports = (body) => typeof body === "string" && !body.includes('"errors"');
