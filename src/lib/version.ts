/** The project's version, written into every result file (`app.version`); a test keeps it equal to package.json's. */
export const APP_VERSION = '0.2.0';
