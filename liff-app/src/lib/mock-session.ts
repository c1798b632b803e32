/**
 * Where mock builds keep the simulator's user and sandbox for the tab (sessionStorage), so navigating and
 * reloading keep the identity. Read by liff-mock.ts and by the inline token script vite.config.ts puts in
 * mock builds' index.html — one definition for both.
 */
export const MOCK_USER_KEY = "enishi.mock-user";
export const MOCK_SANDBOX_KEY = "enishi.sandbox";
