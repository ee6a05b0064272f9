// Set in every test file's process before it loads anything: startTestPlatform then starts the
// distributed shape (test/support/platform.ts).
process.env.COORD_DISTRIBUTED = '1';
