/** The configured Redis URL, or null (unset, or while `next build` runs). Throws on a malformed URL. */
export function redisUrl(source?: NodeJS.ProcessEnv): string | null
