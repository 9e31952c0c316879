// Nothing to prepare beyond the web servers: kept so the suite has one obvious entry point.
export default async function globalSetup() {}
