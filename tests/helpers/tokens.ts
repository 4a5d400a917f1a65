/** Tokens the curation tests configure; long enough for the API_TOKENS rule. */
export const EDITOR_TOKEN = 'editor-token-for-tests-0001';
export const ADMIN_TOKEN = 'admin-token-for-tests-00001';
export const API_TOKENS = `editor:${EDITOR_TOKEN},admin:${ADMIN_TOKEN}`;
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
