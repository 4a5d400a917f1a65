import type { ServerResponse } from 'node:http';
import { sendHttpError } from './body.js';

export const notFound = (res: ServerResponse): void => sendHttpError(res, 404, 'Nothing is served at this path.');
