/** Per-user preferences (locale, last project) kept as JSON in the home folder. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOCALES } from '../api/schema.js';

const configSchema = z.object({
  locale: z.enum(LOCALES).default('zh-CN'),
  lastProject: z.string().nullable().default(null),
});
export type UserConfig = z.infer<typeof configSchema>;

export function loadConfig(homeDir: string): UserConfig {
  try {
    return configSchema.parse(JSON.parse(fs.readFileSync(path.join(homeDir, 'config.json'), 'utf8')));
  } catch {
    return configSchema.parse({}); // missing or damaged: start from defaults
  }
}

export function saveConfig(homeDir: string, config: UserConfig): void {
  fs.mkdirSync(homeDir, { recursive: true });
  const file = path.join(homeDir, 'config.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(config, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
