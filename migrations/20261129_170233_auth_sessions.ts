import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { commitTransaction, initTransaction } from 'payload'

/**
 * Every table gets AUTOINCREMENT ids (ids are never reused), which SQLite only allows by rebuilding
 * each table. Rebuilding a table that others reference needs foreign keys off, and SQLite ignores
 * that pragma inside a transaction, where Payload runs each migration: so Payload's (still empty)
 * transaction is committed, the rebuild runs on the adapter's own connection in a transaction of
 * its own with foreign keys off, checks every foreign key before committing and turns them back
 * on, and a new Payload transaction records the migration.
 */
async function withoutForeignKeys(
  { payload, req }: Pick<MigrateUpArgs, 'payload' | 'req'>,
  rebuild: (db: MigrateUpArgs['db']) => Promise<void>,
): Promise<void> {
  // end Payload's transaction (nothing written yet) to free the database for the rebuild
  await commitTransaction(req)
  try {
    await rebuildOnOwnConnection(payload, rebuild)
  } finally {
    // and give Payload a transaction again, to record the migration in
    await initTransaction(req)
  }
}

async function rebuildOnOwnConnection(
  payload: MigrateUpArgs['payload'],
  rebuild: (db: MigrateUpArgs['db']) => Promise<void>,
): Promise<void> {
  const db = (payload.db as unknown as { drizzle: MigrateUpArgs['db'] }).drizzle
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  try {
    await db.run(sql`BEGIN IMMEDIATE;`)
    try {
      await rebuild(db)
      const broken = await db.all(sql`PRAGMA foreign_key_check;`)
      if (broken.length > 0) {
        throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken)}`)
      }
      await db.run(sql`COMMIT;`)
    } catch (err) {
      await db.run(sql`ROLLBACK;`)
      throw err
    }
  } finally {
    await db.run(sql`PRAGMA foreign_keys=ON;`)
  }
}

export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await withoutForeignKeys({ payload, req }, async (db) => {
    await db.run(sql`CREATE TABLE \`__new_plans\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`title\` text,
    	\`slug\` text,
    	\`organization\` text,
    	\`start_year\` numeric,
    	\`end_year\` numeric,
    	\`adopted_on\` text,
    	\`adopted_by\` text,
    	\`preamble\` text,
    	\`vision\` text,
    	\`mission\` text,
    	\`last_revised\` text,
    	\`current\` integer DEFAULT false,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`_status\` text DEFAULT 'draft'
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_plans\`("id", "title", "slug", "organization", "start_year", "end_year", "adopted_on", "adopted_by", "preamble", "vision", "mission", "last_revised", "current", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "organization", "start_year", "end_year", "adopted_on", "adopted_by", "preamble", "vision", "mission", "last_revised", "current", "updated_at", "created_at", "_status" FROM \`plans\`;`,
    )
    await db.run(sql`DROP TABLE \`plans\`;`)
    await db.run(sql`ALTER TABLE \`__new_plans\` RENAME TO \`plans\`;`)
    await db.run(sql`CREATE UNIQUE INDEX \`plans_slug_idx\` ON \`plans\` (\`slug\`);`)
    await db.run(sql`CREATE INDEX \`plans_current_idx\` ON \`plans\` (\`current\`);`)
    await db.run(sql`CREATE INDEX \`plans_updated_at_idx\` ON \`plans\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`plans_created_at_idx\` ON \`plans\` (\`created_at\`);`)
    await db.run(sql`CREATE INDEX \`plans__status_idx\` ON \`plans\` (\`_status\`);`)
    await db.run(sql`CREATE TABLE \`__new__plans_v_version_values\` (
    	\`_order\` integer NOT NULL,
    	\`_parent_id\` integer NOT NULL,
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`value\` text,
    	\`_uuid\` text,
    	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_plans_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__plans_v_version_values\`("_order", "_parent_id", "id", "value", "_uuid") SELECT "_order", "_parent_id", "id", "value", "_uuid" FROM \`_plans_v_version_values\`;`,
    )
    await db.run(sql`DROP TABLE \`_plans_v_version_values\`;`)
    await db.run(
      sql`ALTER TABLE \`__new__plans_v_version_values\` RENAME TO \`_plans_v_version_values\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_values_order_idx\` ON \`_plans_v_version_values\` (\`_order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_values_parent_id_idx\` ON \`_plans_v_version_values\` (\`_parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new__plans_v\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`parent_id\` integer,
    	\`version_title\` text,
    	\`version_slug\` text,
    	\`version_organization\` text,
    	\`version_start_year\` numeric,
    	\`version_end_year\` numeric,
    	\`version_adopted_on\` text,
    	\`version_adopted_by\` text,
    	\`version_preamble\` text,
    	\`version_vision\` text,
    	\`version_mission\` text,
    	\`version_last_revised\` text,
    	\`version_current\` integer DEFAULT false,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`version__status\` text DEFAULT 'draft',
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`latest\` integer,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__plans_v\`("id", "parent_id", "version_title", "version_slug", "version_organization", "version_start_year", "version_end_year", "version_adopted_on", "version_adopted_by", "version_preamble", "version_vision", "version_mission", "version_last_revised", "version_current", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_organization", "version_start_year", "version_end_year", "version_adopted_on", "version_adopted_by", "version_preamble", "version_vision", "version_mission", "version_last_revised", "version_current", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_plans_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_plans_v\`;`)
    await db.run(sql`ALTER TABLE \`__new__plans_v\` RENAME TO \`_plans_v\`;`)
    await db.run(sql`CREATE INDEX \`_plans_v_parent_idx\` ON \`_plans_v\` (\`parent_id\`);`)
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version_slug_idx\` ON \`_plans_v\` (\`version_slug\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version_current_idx\` ON \`_plans_v\` (\`version_current\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version_updated_at_idx\` ON \`_plans_v\` (\`version_updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version_created_at_idx\` ON \`_plans_v\` (\`version_created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version__status_idx\` ON \`_plans_v\` (\`version__status\`);`,
    )
    await db.run(sql`CREATE INDEX \`_plans_v_created_at_idx\` ON \`_plans_v\` (\`created_at\`);`)
    await db.run(sql`CREATE INDEX \`_plans_v_updated_at_idx\` ON \`_plans_v\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`_plans_v_latest_idx\` ON \`_plans_v\` (\`latest\`);`)
    await db.run(sql`CREATE TABLE \`__new_goals\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`plan_id\` integer NOT NULL,
    	\`number\` numeric NOT NULL,
    	\`title\` text NOT NULL,
    	\`description\` text,
    	\`label\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_goals\`("id", "plan_id", "number", "title", "description", "label", "updated_at", "created_at") SELECT "id", "plan_id", "number", "title", "description", "label", "updated_at", "created_at" FROM \`goals\`;`,
    )
    await db.run(sql`DROP TABLE \`goals\`;`)
    await db.run(sql`ALTER TABLE \`__new_goals\` RENAME TO \`goals\`;`)
    await db.run(sql`CREATE INDEX \`goals_plan_idx\` ON \`goals\` (\`plan_id\`);`)
    await db.run(sql`CREATE INDEX \`goals_number_idx\` ON \`goals\` (\`number\`);`)
    await db.run(sql`CREATE INDEX \`goals_updated_at_idx\` ON \`goals\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`goals_created_at_idx\` ON \`goals\` (\`created_at\`);`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`plan_number_idx\` ON \`goals\` (\`plan_id\`,\`number\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_objectives\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`goal_id\` integer NOT NULL,
    	\`number\` numeric NOT NULL,
    	\`text\` text NOT NULL,
    	\`code\` text,
    	\`plan_id\` integer,
    	\`label\` text,
    	\`position\` numeric,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`goal_id\`) REFERENCES \`goals\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_objectives\`("id", "goal_id", "number", "text", "code", "plan_id", "label", "position", "updated_at", "created_at") SELECT "id", "goal_id", "number", "text", "code", "plan_id", "label", "position", "updated_at", "created_at" FROM \`objectives\`;`,
    )
    await db.run(sql`DROP TABLE \`objectives\`;`)
    await db.run(sql`ALTER TABLE \`__new_objectives\` RENAME TO \`objectives\`;`)
    await db.run(sql`CREATE INDEX \`objectives_goal_idx\` ON \`objectives\` (\`goal_id\`);`)
    await db.run(sql`CREATE INDEX \`objectives_code_idx\` ON \`objectives\` (\`code\`);`)
    await db.run(sql`CREATE INDEX \`objectives_plan_idx\` ON \`objectives\` (\`plan_id\`);`)
    await db.run(sql`CREATE INDEX \`objectives_position_idx\` ON \`objectives\` (\`position\`);`)
    await db.run(
      sql`CREATE INDEX \`objectives_updated_at_idx\` ON \`objectives\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`objectives_created_at_idx\` ON \`objectives\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE UNIQUE INDEX \`goal_number_idx\` ON \`objectives\` (\`goal_id\`,\`number\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_sections\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`name\` text NOT NULL,
    	\`slug\` text NOT NULL,
    	\`abbreviation\` text,
    	\`kind\` text DEFAULT 'section' NOT NULL,
    	\`description\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_sections\`("id", "name", "slug", "abbreviation", "kind", "description", "updated_at", "created_at") SELECT "id", "name", "slug", "abbreviation", "kind", "description", "updated_at", "created_at" FROM \`sections\`;`,
    )
    await db.run(sql`DROP TABLE \`sections\`;`)
    await db.run(sql`ALTER TABLE \`__new_sections\` RENAME TO \`sections\`;`)
    await db.run(sql`CREATE UNIQUE INDEX \`sections_slug_idx\` ON \`sections\` (\`slug\`);`)
    await db.run(sql`CREATE INDEX \`sections_updated_at_idx\` ON \`sections\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`sections_created_at_idx\` ON \`sections\` (\`created_at\`);`)
    await db.run(sql`CREATE TABLE \`__new_initiatives\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`title\` text,
    	\`section_id\` integer,
    	\`visibility\` text DEFAULT 'members',
    	\`last_update_at\` text,
    	\`plan_id\` integer,
    	\`summary\` text,
    	\`description\` text,
    	\`status\` text DEFAULT 'proposed',
    	\`progress\` numeric DEFAULT 0,
    	\`lead\` text,
    	\`start_date\` text,
    	\`target_date\` text,
    	\`completed_date\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`_status\` text DEFAULT 'draft',
    	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_initiatives\`("id", "title", "section_id", "visibility", "last_update_at", "plan_id", "summary", "description", "status", "progress", "lead", "start_date", "target_date", "completed_date", "updated_at", "created_at", "_status") SELECT "id", "title", "section_id", "visibility", "last_update_at", "plan_id", "summary", "description", "status", "progress", "lead", "start_date", "target_date", "completed_date", "updated_at", "created_at", "_status" FROM \`initiatives\`;`,
    )
    await db.run(sql`DROP TABLE \`initiatives\`;`)
    await db.run(sql`ALTER TABLE \`__new_initiatives\` RENAME TO \`initiatives\`;`)
    await db.run(sql`CREATE INDEX \`initiatives_section_idx\` ON \`initiatives\` (\`section_id\`);`)
    await db.run(
      sql`CREATE INDEX \`initiatives_visibility_idx\` ON \`initiatives\` (\`visibility\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`initiatives_last_update_at_idx\` ON \`initiatives\` (\`last_update_at\`);`,
    )
    await db.run(sql`CREATE INDEX \`initiatives_plan_idx\` ON \`initiatives\` (\`plan_id\`);`)
    await db.run(sql`CREATE INDEX \`initiatives_status_idx\` ON \`initiatives\` (\`status\`);`)
    await db.run(
      sql`CREATE INDEX \`initiatives_updated_at_idx\` ON \`initiatives\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`initiatives_created_at_idx\` ON \`initiatives\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE INDEX \`initiatives__status_idx\` ON \`initiatives\` (\`_status\`);`)
    await db.run(sql`CREATE TABLE \`__new__initiatives_v_version_updates\` (
    	\`_order\` integer NOT NULL,
    	\`_parent_id\` integer NOT NULL,
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`date\` text,
    	\`note\` text,
    	\`_uuid\` text,
    	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_initiatives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__initiatives_v_version_updates\`("_order", "_parent_id", "id", "date", "note", "_uuid") SELECT "_order", "_parent_id", "id", "date", "note", "_uuid" FROM \`_initiatives_v_version_updates\`;`,
    )
    await db.run(sql`DROP TABLE \`_initiatives_v_version_updates\`;`)
    await db.run(
      sql`ALTER TABLE \`__new__initiatives_v_version_updates\` RENAME TO \`_initiatives_v_version_updates\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_updates_order_idx\` ON \`_initiatives_v_version_updates\` (\`_order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_updates_parent_id_idx\` ON \`_initiatives_v_version_updates\` (\`_parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new__initiatives_v\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`parent_id\` integer,
    	\`version_title\` text,
    	\`version_section_id\` integer,
    	\`version_visibility\` text DEFAULT 'members',
    	\`version_last_update_at\` text,
    	\`version_plan_id\` integer,
    	\`version_summary\` text,
    	\`version_description\` text,
    	\`version_status\` text DEFAULT 'proposed',
    	\`version_progress\` numeric DEFAULT 0,
    	\`version_lead\` text,
    	\`version_start_date\` text,
    	\`version_target_date\` text,
    	\`version_completed_date\` text,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`version__status\` text DEFAULT 'draft',
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`latest\` integer,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`initiatives\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__initiatives_v\`("id", "parent_id", "version_title", "version_section_id", "version_visibility", "version_last_update_at", "version_plan_id", "version_summary", "version_description", "version_status", "version_progress", "version_lead", "version_start_date", "version_target_date", "version_completed_date", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_section_id", "version_visibility", "version_last_update_at", "version_plan_id", "version_summary", "version_description", "version_status", "version_progress", "version_lead", "version_start_date", "version_target_date", "version_completed_date", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_initiatives_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_initiatives_v\`;`)
    await db.run(sql`ALTER TABLE \`__new__initiatives_v\` RENAME TO \`_initiatives_v\`;`)
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_parent_idx\` ON \`_initiatives_v\` (\`parent_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_section_idx\` ON \`_initiatives_v\` (\`version_section_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_visibility_idx\` ON \`_initiatives_v\` (\`version_visibility\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_last_update_at_idx\` ON \`_initiatives_v\` (\`version_last_update_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_plan_idx\` ON \`_initiatives_v\` (\`version_plan_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_status_idx\` ON \`_initiatives_v\` (\`version_status\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_updated_at_idx\` ON \`_initiatives_v\` (\`version_updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_created_at_idx\` ON \`_initiatives_v\` (\`version_created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version__status_idx\` ON \`_initiatives_v\` (\`version__status\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_created_at_idx\` ON \`_initiatives_v\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_updated_at_idx\` ON \`_initiatives_v\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_latest_idx\` ON \`_initiatives_v\` (\`latest\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_cycles\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`name\` text NOT NULL,
    	\`plan_id\` integer NOT NULL,
    	\`as_of\` text NOT NULL,
    	\`opens_on\` text,
    	\`due_on\` text,
    	\`instructions\` text,
    	\`state\` text DEFAULT 'draft' NOT NULL,
    	\`closed_at\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_cycles\`("id", "name", "plan_id", "as_of", "opens_on", "due_on", "instructions", "state", "closed_at", "updated_at", "created_at") SELECT "id", "name", "plan_id", "as_of", "opens_on", "due_on", "instructions", "state", "closed_at", "updated_at", "created_at" FROM \`cycles\`;`,
    )
    await db.run(sql`DROP TABLE \`cycles\`;`)
    await db.run(sql`ALTER TABLE \`__new_cycles\` RENAME TO \`cycles\`;`)
    await db.run(sql`CREATE INDEX \`cycles_plan_idx\` ON \`cycles\` (\`plan_id\`);`)
    await db.run(sql`CREATE INDEX \`cycles_state_idx\` ON \`cycles\` (\`state\`);`)
    await db.run(sql`CREATE INDEX \`cycles_updated_at_idx\` ON \`cycles\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`cycles_created_at_idx\` ON \`cycles\` (\`created_at\`);`)
    await db.run(sql`CREATE TABLE \`__new_progress_updates\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`initiative_id\` integer NOT NULL,
    	\`cycle_id\` integer,
    	\`status\` text NOT NULL,
    	\`progress\` numeric DEFAULT 0 NOT NULL,
    	\`note\` text,
    	\`submitted_by_id\` integer,
    	\`submitted_at\` text,
    	\`section_id\` integer,
    	\`plan_id\` integer,
    	\`visibility\` text,
    	\`published\` integer,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`initiative_id\`) REFERENCES \`initiatives\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`cycle_id\`) REFERENCES \`cycles\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_progress_updates\`("id", "initiative_id", "cycle_id", "status", "progress", "note", "submitted_by_id", "submitted_at", "section_id", "plan_id", "visibility", "published", "updated_at", "created_at") SELECT "id", "initiative_id", "cycle_id", "status", "progress", "note", "submitted_by_id", "submitted_at", "section_id", "plan_id", "visibility", "published", "updated_at", "created_at" FROM \`progress_updates\`;`,
    )
    await db.run(sql`DROP TABLE \`progress_updates\`;`)
    await db.run(sql`ALTER TABLE \`__new_progress_updates\` RENAME TO \`progress_updates\`;`)
    await db.run(
      sql`CREATE INDEX \`progress_updates_initiative_idx\` ON \`progress_updates\` (\`initiative_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_cycle_idx\` ON \`progress_updates\` (\`cycle_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_submitted_by_idx\` ON \`progress_updates\` (\`submitted_by_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_submitted_at_idx\` ON \`progress_updates\` (\`submitted_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_section_idx\` ON \`progress_updates\` (\`section_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_plan_idx\` ON \`progress_updates\` (\`plan_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_visibility_idx\` ON \`progress_updates\` (\`visibility\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_published_idx\` ON \`progress_updates\` (\`published\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_updated_at_idx\` ON \`progress_updates\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_created_at_idx\` ON \`progress_updates\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`initiative_cycle_idx\` ON \`progress_updates\` (\`initiative_id\`,\`cycle_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new__progress_updates_v\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`parent_id\` integer,
    	\`version_initiative_id\` integer NOT NULL,
    	\`version_cycle_id\` integer,
    	\`version_status\` text NOT NULL,
    	\`version_progress\` numeric DEFAULT 0 NOT NULL,
    	\`version_note\` text,
    	\`version_submitted_by_id\` integer,
    	\`version_submitted_at\` text,
    	\`version_section_id\` integer,
    	\`version_plan_id\` integer,
    	\`version_visibility\` text,
    	\`version_published\` integer,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`progress_updates\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_initiative_id\`) REFERENCES \`initiatives\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_cycle_id\`) REFERENCES \`cycles\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__progress_updates_v\`("id", "parent_id", "version_initiative_id", "version_cycle_id", "version_status", "version_progress", "version_note", "version_submitted_by_id", "version_submitted_at", "version_section_id", "version_plan_id", "version_visibility", "version_published", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_initiative_id", "version_cycle_id", "version_status", "version_progress", "version_note", "version_submitted_by_id", "version_submitted_at", "version_section_id", "version_plan_id", "version_visibility", "version_published", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_progress_updates_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_progress_updates_v\`;`)
    await db.run(sql`ALTER TABLE \`__new__progress_updates_v\` RENAME TO \`_progress_updates_v\`;`)
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_parent_idx\` ON \`_progress_updates_v\` (\`parent_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_initiative_idx\` ON \`_progress_updates_v\` (\`version_initiative_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_cycle_idx\` ON \`_progress_updates_v\` (\`version_cycle_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_submitted_by_idx\` ON \`_progress_updates_v\` (\`version_submitted_by_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_submitted_at_idx\` ON \`_progress_updates_v\` (\`version_submitted_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_section_idx\` ON \`_progress_updates_v\` (\`version_section_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_plan_idx\` ON \`_progress_updates_v\` (\`version_plan_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_visibility_idx\` ON \`_progress_updates_v\` (\`version_visibility\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_published_idx\` ON \`_progress_updates_v\` (\`version_published\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_updated_at_idx\` ON \`_progress_updates_v\` (\`version_updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_created_at_idx\` ON \`_progress_updates_v\` (\`version_created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_created_at_idx\` ON \`_progress_updates_v\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_updated_at_idx\` ON \`_progress_updates_v\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`version_initiative_version_cycle_idx\` ON \`_progress_updates_v\` (\`version_initiative_id\`,\`version_cycle_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_users_roles\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_users_roles\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`users_roles\`;`,
    )
    await db.run(sql`DROP TABLE \`users_roles\`;`)
    await db.run(sql`ALTER TABLE \`__new_users_roles\` RENAME TO \`users_roles\`;`)
    await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
    await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
    await db.run(sql`CREATE TABLE \`__new_users\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`name\` text NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`email\` text NOT NULL,
    	\`reset_password_token\` text,
    	\`reset_password_expiration\` text,
    	\`salt\` text,
    	\`hash\` text,
    	\`login_attempts\` numeric DEFAULT 0,
    	\`lock_until\` text
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_users\`("id", "name", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "login_attempts", "lock_until") SELECT "id", "name", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "login_attempts", "lock_until" FROM \`users\`;`,
    )
    await db.run(sql`DROP TABLE \`users\`;`)
    await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
    await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
    await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
    await db.run(sql`CREATE TABLE \`__new_members_roles\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_members_roles\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`members_roles\`;`,
    )
    await db.run(sql`DROP TABLE \`members_roles\`;`)
    await db.run(sql`ALTER TABLE \`__new_members_roles\` RENAME TO \`members_roles\`;`)
    await db.run(sql`CREATE INDEX \`members_roles_order_idx\` ON \`members_roles\` (\`order\`);`)
    await db.run(
      sql`CREATE INDEX \`members_roles_parent_idx\` ON \`members_roles\` (\`parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_members\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`name\` text NOT NULL,
    	\`membership_expires\` text,
    	\`active\` integer DEFAULT true,
    	\`session_version\` numeric DEFAULT 0,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`email\` text,
    	\`username\` text NOT NULL,
    	\`reset_password_token\` text,
    	\`reset_password_expiration\` text,
    	\`salt\` text,
    	\`hash\` text,
    	\`login_attempts\` numeric DEFAULT 0,
    	\`lock_until\` text
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_members\`("id", "name", "membership_expires", "active", "session_version", "updated_at", "created_at", "email", "username", "reset_password_token", "reset_password_expiration", "salt", "hash", "login_attempts", "lock_until") SELECT "id", "name", "membership_expires", "active", 0, "updated_at", "created_at", "email", "username", "reset_password_token", "reset_password_expiration", "salt", "hash", "login_attempts", "lock_until" FROM \`members\`;`,
    )
    await db.run(sql`DROP TABLE \`members\`;`)
    await db.run(sql`ALTER TABLE \`__new_members\` RENAME TO \`members\`;`)
    await db.run(sql`CREATE INDEX \`members_updated_at_idx\` ON \`members\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`members_created_at_idx\` ON \`members\` (\`created_at\`);`)
    await db.run(sql`CREATE UNIQUE INDEX \`members_username_idx\` ON \`members\` (\`username\`);`)
    await db.run(sql`CREATE TABLE \`__new_payload_kv\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`key\` text NOT NULL,
    	\`data\` text NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_kv\`("id", "key", "data") SELECT "id", "key", "data" FROM \`payload_kv\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_kv\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_kv\` RENAME TO \`payload_kv\`;`)
    await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
    await db.run(sql`CREATE TABLE \`__new_payload_locked_documents\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`global_slug\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_locked_documents\`("id", "global_slug", "updated_at", "created_at") SELECT "id", "global_slug", "updated_at", "created_at" FROM \`payload_locked_documents\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_payload_locked_documents\` RENAME TO \`payload_locked_documents\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_preferences\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`key\` text,
    	\`value\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_preferences\`("id", "key", "value", "updated_at", "created_at") SELECT "id", "key", "value", "updated_at", "created_at" FROM \`payload_preferences\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_preferences\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_preferences\` RENAME TO \`payload_preferences\`;`)
    await db.run(
      sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_migrations\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`name\` text,
    	\`batch\` numeric,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_migrations\`("id", "name", "batch", "updated_at", "created_at") SELECT "id", "name", "batch", "updated_at", "created_at" FROM \`payload_migrations\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_migrations\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_migrations\` RENAME TO \`payload_migrations\`;`)
    await db.run(
      sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`,
    )
  })
}

export async function down({ payload, req }: MigrateDownArgs): Promise<void> {
  await withoutForeignKeys({ payload, req }, async (db) => {
    await db.run(sql`CREATE TABLE \`__new_plans\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`title\` text,
    	\`slug\` text,
    	\`organization\` text,
    	\`start_year\` numeric,
    	\`end_year\` numeric,
    	\`adopted_on\` text,
    	\`adopted_by\` text,
    	\`preamble\` text,
    	\`vision\` text,
    	\`mission\` text,
    	\`last_revised\` text,
    	\`current\` integer DEFAULT false,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`_status\` text DEFAULT 'draft'
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_plans\`("id", "title", "slug", "organization", "start_year", "end_year", "adopted_on", "adopted_by", "preamble", "vision", "mission", "last_revised", "current", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "organization", "start_year", "end_year", "adopted_on", "adopted_by", "preamble", "vision", "mission", "last_revised", "current", "updated_at", "created_at", "_status" FROM \`plans\`;`,
    )
    await db.run(sql`DROP TABLE \`plans\`;`)
    await db.run(sql`ALTER TABLE \`__new_plans\` RENAME TO \`plans\`;`)
    await db.run(sql`CREATE UNIQUE INDEX \`plans_slug_idx\` ON \`plans\` (\`slug\`);`)
    await db.run(sql`CREATE INDEX \`plans_current_idx\` ON \`plans\` (\`current\`);`)
    await db.run(sql`CREATE INDEX \`plans_updated_at_idx\` ON \`plans\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`plans_created_at_idx\` ON \`plans\` (\`created_at\`);`)
    await db.run(sql`CREATE INDEX \`plans__status_idx\` ON \`plans\` (\`_status\`);`)
    await db.run(sql`CREATE TABLE \`__new__plans_v_version_values\` (
    	\`_order\` integer NOT NULL,
    	\`_parent_id\` integer NOT NULL,
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`value\` text,
    	\`_uuid\` text,
    	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_plans_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__plans_v_version_values\`("_order", "_parent_id", "id", "value", "_uuid") SELECT "_order", "_parent_id", "id", "value", "_uuid" FROM \`_plans_v_version_values\`;`,
    )
    await db.run(sql`DROP TABLE \`_plans_v_version_values\`;`)
    await db.run(
      sql`ALTER TABLE \`__new__plans_v_version_values\` RENAME TO \`_plans_v_version_values\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_values_order_idx\` ON \`_plans_v_version_values\` (\`_order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_values_parent_id_idx\` ON \`_plans_v_version_values\` (\`_parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new__plans_v\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`parent_id\` integer,
    	\`version_title\` text,
    	\`version_slug\` text,
    	\`version_organization\` text,
    	\`version_start_year\` numeric,
    	\`version_end_year\` numeric,
    	\`version_adopted_on\` text,
    	\`version_adopted_by\` text,
    	\`version_preamble\` text,
    	\`version_vision\` text,
    	\`version_mission\` text,
    	\`version_last_revised\` text,
    	\`version_current\` integer DEFAULT false,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`version__status\` text DEFAULT 'draft',
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`latest\` integer,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__plans_v\`("id", "parent_id", "version_title", "version_slug", "version_organization", "version_start_year", "version_end_year", "version_adopted_on", "version_adopted_by", "version_preamble", "version_vision", "version_mission", "version_last_revised", "version_current", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_organization", "version_start_year", "version_end_year", "version_adopted_on", "version_adopted_by", "version_preamble", "version_vision", "version_mission", "version_last_revised", "version_current", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_plans_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_plans_v\`;`)
    await db.run(sql`ALTER TABLE \`__new__plans_v\` RENAME TO \`_plans_v\`;`)
    await db.run(sql`CREATE INDEX \`_plans_v_parent_idx\` ON \`_plans_v\` (\`parent_id\`);`)
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version_slug_idx\` ON \`_plans_v\` (\`version_slug\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version_current_idx\` ON \`_plans_v\` (\`version_current\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version_updated_at_idx\` ON \`_plans_v\` (\`version_updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version_created_at_idx\` ON \`_plans_v\` (\`version_created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_plans_v_version_version__status_idx\` ON \`_plans_v\` (\`version__status\`);`,
    )
    await db.run(sql`CREATE INDEX \`_plans_v_created_at_idx\` ON \`_plans_v\` (\`created_at\`);`)
    await db.run(sql`CREATE INDEX \`_plans_v_updated_at_idx\` ON \`_plans_v\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`_plans_v_latest_idx\` ON \`_plans_v\` (\`latest\`);`)
    await db.run(sql`CREATE TABLE \`__new_goals\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`plan_id\` integer NOT NULL,
    	\`number\` numeric NOT NULL,
    	\`title\` text NOT NULL,
    	\`description\` text,
    	\`label\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_goals\`("id", "plan_id", "number", "title", "description", "label", "updated_at", "created_at") SELECT "id", "plan_id", "number", "title", "description", "label", "updated_at", "created_at" FROM \`goals\`;`,
    )
    await db.run(sql`DROP TABLE \`goals\`;`)
    await db.run(sql`ALTER TABLE \`__new_goals\` RENAME TO \`goals\`;`)
    await db.run(sql`CREATE INDEX \`goals_plan_idx\` ON \`goals\` (\`plan_id\`);`)
    await db.run(sql`CREATE INDEX \`goals_number_idx\` ON \`goals\` (\`number\`);`)
    await db.run(sql`CREATE INDEX \`goals_updated_at_idx\` ON \`goals\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`goals_created_at_idx\` ON \`goals\` (\`created_at\`);`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`plan_number_idx\` ON \`goals\` (\`plan_id\`,\`number\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_objectives\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`goal_id\` integer NOT NULL,
    	\`number\` numeric NOT NULL,
    	\`text\` text NOT NULL,
    	\`code\` text,
    	\`plan_id\` integer,
    	\`label\` text,
    	\`position\` numeric,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`goal_id\`) REFERENCES \`goals\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_objectives\`("id", "goal_id", "number", "text", "code", "plan_id", "label", "position", "updated_at", "created_at") SELECT "id", "goal_id", "number", "text", "code", "plan_id", "label", "position", "updated_at", "created_at" FROM \`objectives\`;`,
    )
    await db.run(sql`DROP TABLE \`objectives\`;`)
    await db.run(sql`ALTER TABLE \`__new_objectives\` RENAME TO \`objectives\`;`)
    await db.run(sql`CREATE INDEX \`objectives_goal_idx\` ON \`objectives\` (\`goal_id\`);`)
    await db.run(sql`CREATE INDEX \`objectives_code_idx\` ON \`objectives\` (\`code\`);`)
    await db.run(sql`CREATE INDEX \`objectives_plan_idx\` ON \`objectives\` (\`plan_id\`);`)
    await db.run(sql`CREATE INDEX \`objectives_position_idx\` ON \`objectives\` (\`position\`);`)
    await db.run(
      sql`CREATE INDEX \`objectives_updated_at_idx\` ON \`objectives\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`objectives_created_at_idx\` ON \`objectives\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE UNIQUE INDEX \`goal_number_idx\` ON \`objectives\` (\`goal_id\`,\`number\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_sections\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`name\` text NOT NULL,
    	\`slug\` text NOT NULL,
    	\`abbreviation\` text,
    	\`kind\` text DEFAULT 'section' NOT NULL,
    	\`description\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_sections\`("id", "name", "slug", "abbreviation", "kind", "description", "updated_at", "created_at") SELECT "id", "name", "slug", "abbreviation", "kind", "description", "updated_at", "created_at" FROM \`sections\`;`,
    )
    await db.run(sql`DROP TABLE \`sections\`;`)
    await db.run(sql`ALTER TABLE \`__new_sections\` RENAME TO \`sections\`;`)
    await db.run(sql`CREATE UNIQUE INDEX \`sections_slug_idx\` ON \`sections\` (\`slug\`);`)
    await db.run(sql`CREATE INDEX \`sections_updated_at_idx\` ON \`sections\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`sections_created_at_idx\` ON \`sections\` (\`created_at\`);`)
    await db.run(sql`CREATE TABLE \`__new_initiatives\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`title\` text,
    	\`section_id\` integer,
    	\`visibility\` text DEFAULT 'members',
    	\`last_update_at\` text,
    	\`plan_id\` integer,
    	\`summary\` text,
    	\`description\` text,
    	\`status\` text DEFAULT 'proposed',
    	\`progress\` numeric DEFAULT 0,
    	\`lead\` text,
    	\`start_date\` text,
    	\`target_date\` text,
    	\`completed_date\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`_status\` text DEFAULT 'draft',
    	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_initiatives\`("id", "title", "section_id", "visibility", "last_update_at", "plan_id", "summary", "description", "status", "progress", "lead", "start_date", "target_date", "completed_date", "updated_at", "created_at", "_status") SELECT "id", "title", "section_id", "visibility", "last_update_at", "plan_id", "summary", "description", "status", "progress", "lead", "start_date", "target_date", "completed_date", "updated_at", "created_at", "_status" FROM \`initiatives\`;`,
    )
    await db.run(sql`DROP TABLE \`initiatives\`;`)
    await db.run(sql`ALTER TABLE \`__new_initiatives\` RENAME TO \`initiatives\`;`)
    await db.run(sql`CREATE INDEX \`initiatives_section_idx\` ON \`initiatives\` (\`section_id\`);`)
    await db.run(
      sql`CREATE INDEX \`initiatives_visibility_idx\` ON \`initiatives\` (\`visibility\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`initiatives_last_update_at_idx\` ON \`initiatives\` (\`last_update_at\`);`,
    )
    await db.run(sql`CREATE INDEX \`initiatives_plan_idx\` ON \`initiatives\` (\`plan_id\`);`)
    await db.run(sql`CREATE INDEX \`initiatives_status_idx\` ON \`initiatives\` (\`status\`);`)
    await db.run(
      sql`CREATE INDEX \`initiatives_updated_at_idx\` ON \`initiatives\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`initiatives_created_at_idx\` ON \`initiatives\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE INDEX \`initiatives__status_idx\` ON \`initiatives\` (\`_status\`);`)
    await db.run(sql`CREATE TABLE \`__new__initiatives_v_version_updates\` (
    	\`_order\` integer NOT NULL,
    	\`_parent_id\` integer NOT NULL,
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`date\` text,
    	\`note\` text,
    	\`_uuid\` text,
    	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_initiatives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__initiatives_v_version_updates\`("_order", "_parent_id", "id", "date", "note", "_uuid") SELECT "_order", "_parent_id", "id", "date", "note", "_uuid" FROM \`_initiatives_v_version_updates\`;`,
    )
    await db.run(sql`DROP TABLE \`_initiatives_v_version_updates\`;`)
    await db.run(
      sql`ALTER TABLE \`__new__initiatives_v_version_updates\` RENAME TO \`_initiatives_v_version_updates\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_updates_order_idx\` ON \`_initiatives_v_version_updates\` (\`_order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_updates_parent_id_idx\` ON \`_initiatives_v_version_updates\` (\`_parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new__initiatives_v\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`parent_id\` integer,
    	\`version_title\` text,
    	\`version_section_id\` integer,
    	\`version_visibility\` text DEFAULT 'members',
    	\`version_last_update_at\` text,
    	\`version_plan_id\` integer,
    	\`version_summary\` text,
    	\`version_description\` text,
    	\`version_status\` text DEFAULT 'proposed',
    	\`version_progress\` numeric DEFAULT 0,
    	\`version_lead\` text,
    	\`version_start_date\` text,
    	\`version_target_date\` text,
    	\`version_completed_date\` text,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`version__status\` text DEFAULT 'draft',
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`latest\` integer,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`initiatives\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__initiatives_v\`("id", "parent_id", "version_title", "version_section_id", "version_visibility", "version_last_update_at", "version_plan_id", "version_summary", "version_description", "version_status", "version_progress", "version_lead", "version_start_date", "version_target_date", "version_completed_date", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_section_id", "version_visibility", "version_last_update_at", "version_plan_id", "version_summary", "version_description", "version_status", "version_progress", "version_lead", "version_start_date", "version_target_date", "version_completed_date", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_initiatives_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_initiatives_v\`;`)
    await db.run(sql`ALTER TABLE \`__new__initiatives_v\` RENAME TO \`_initiatives_v\`;`)
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_parent_idx\` ON \`_initiatives_v\` (\`parent_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_section_idx\` ON \`_initiatives_v\` (\`version_section_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_visibility_idx\` ON \`_initiatives_v\` (\`version_visibility\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_last_update_at_idx\` ON \`_initiatives_v\` (\`version_last_update_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_plan_idx\` ON \`_initiatives_v\` (\`version_plan_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_status_idx\` ON \`_initiatives_v\` (\`version_status\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_updated_at_idx\` ON \`_initiatives_v\` (\`version_updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version_created_at_idx\` ON \`_initiatives_v\` (\`version_created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_version_version__status_idx\` ON \`_initiatives_v\` (\`version__status\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_created_at_idx\` ON \`_initiatives_v\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_updated_at_idx\` ON \`_initiatives_v\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_initiatives_v_latest_idx\` ON \`_initiatives_v\` (\`latest\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_cycles\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`name\` text NOT NULL,
    	\`plan_id\` integer NOT NULL,
    	\`as_of\` text NOT NULL,
    	\`opens_on\` text,
    	\`due_on\` text,
    	\`instructions\` text,
    	\`state\` text DEFAULT 'draft' NOT NULL,
    	\`closed_at\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_cycles\`("id", "name", "plan_id", "as_of", "opens_on", "due_on", "instructions", "state", "closed_at", "updated_at", "created_at") SELECT "id", "name", "plan_id", "as_of", "opens_on", "due_on", "instructions", "state", "closed_at", "updated_at", "created_at" FROM \`cycles\`;`,
    )
    await db.run(sql`DROP TABLE \`cycles\`;`)
    await db.run(sql`ALTER TABLE \`__new_cycles\` RENAME TO \`cycles\`;`)
    await db.run(sql`CREATE INDEX \`cycles_plan_idx\` ON \`cycles\` (\`plan_id\`);`)
    await db.run(sql`CREATE INDEX \`cycles_state_idx\` ON \`cycles\` (\`state\`);`)
    await db.run(sql`CREATE INDEX \`cycles_updated_at_idx\` ON \`cycles\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`cycles_created_at_idx\` ON \`cycles\` (\`created_at\`);`)
    await db.run(sql`CREATE TABLE \`__new_progress_updates\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`initiative_id\` integer NOT NULL,
    	\`cycle_id\` integer,
    	\`status\` text NOT NULL,
    	\`progress\` numeric DEFAULT 0 NOT NULL,
    	\`note\` text,
    	\`submitted_by_id\` integer,
    	\`submitted_at\` text,
    	\`section_id\` integer,
    	\`plan_id\` integer,
    	\`visibility\` text,
    	\`published\` integer,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`initiative_id\`) REFERENCES \`initiatives\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`cycle_id\`) REFERENCES \`cycles\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_progress_updates\`("id", "initiative_id", "cycle_id", "status", "progress", "note", "submitted_by_id", "submitted_at", "section_id", "plan_id", "visibility", "published", "updated_at", "created_at") SELECT "id", "initiative_id", "cycle_id", "status", "progress", "note", "submitted_by_id", "submitted_at", "section_id", "plan_id", "visibility", "published", "updated_at", "created_at" FROM \`progress_updates\`;`,
    )
    await db.run(sql`DROP TABLE \`progress_updates\`;`)
    await db.run(sql`ALTER TABLE \`__new_progress_updates\` RENAME TO \`progress_updates\`;`)
    await db.run(
      sql`CREATE INDEX \`progress_updates_initiative_idx\` ON \`progress_updates\` (\`initiative_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_cycle_idx\` ON \`progress_updates\` (\`cycle_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_submitted_by_idx\` ON \`progress_updates\` (\`submitted_by_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_submitted_at_idx\` ON \`progress_updates\` (\`submitted_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_section_idx\` ON \`progress_updates\` (\`section_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_plan_idx\` ON \`progress_updates\` (\`plan_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_visibility_idx\` ON \`progress_updates\` (\`visibility\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_published_idx\` ON \`progress_updates\` (\`published\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_updated_at_idx\` ON \`progress_updates\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`progress_updates_created_at_idx\` ON \`progress_updates\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`initiative_cycle_idx\` ON \`progress_updates\` (\`initiative_id\`,\`cycle_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new__progress_updates_v\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`parent_id\` integer,
    	\`version_initiative_id\` integer NOT NULL,
    	\`version_cycle_id\` integer,
    	\`version_status\` text NOT NULL,
    	\`version_progress\` numeric DEFAULT 0 NOT NULL,
    	\`version_note\` text,
    	\`version_submitted_by_id\` integer,
    	\`version_submitted_at\` text,
    	\`version_section_id\` integer,
    	\`version_plan_id\` integer,
    	\`version_visibility\` text,
    	\`version_published\` integer,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`progress_updates\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_initiative_id\`) REFERENCES \`initiatives\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_cycle_id\`) REFERENCES \`cycles\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
    	FOREIGN KEY (\`version_plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__progress_updates_v\`("id", "parent_id", "version_initiative_id", "version_cycle_id", "version_status", "version_progress", "version_note", "version_submitted_by_id", "version_submitted_at", "version_section_id", "version_plan_id", "version_visibility", "version_published", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_initiative_id", "version_cycle_id", "version_status", "version_progress", "version_note", "version_submitted_by_id", "version_submitted_at", "version_section_id", "version_plan_id", "version_visibility", "version_published", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_progress_updates_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_progress_updates_v\`;`)
    await db.run(sql`ALTER TABLE \`__new__progress_updates_v\` RENAME TO \`_progress_updates_v\`;`)
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_parent_idx\` ON \`_progress_updates_v\` (\`parent_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_initiative_idx\` ON \`_progress_updates_v\` (\`version_initiative_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_cycle_idx\` ON \`_progress_updates_v\` (\`version_cycle_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_submitted_by_idx\` ON \`_progress_updates_v\` (\`version_submitted_by_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_submitted_at_idx\` ON \`_progress_updates_v\` (\`version_submitted_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_section_idx\` ON \`_progress_updates_v\` (\`version_section_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_plan_idx\` ON \`_progress_updates_v\` (\`version_plan_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_visibility_idx\` ON \`_progress_updates_v\` (\`version_visibility\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_published_idx\` ON \`_progress_updates_v\` (\`version_published\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_updated_at_idx\` ON \`_progress_updates_v\` (\`version_updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_version_version_created_at_idx\` ON \`_progress_updates_v\` (\`version_created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_created_at_idx\` ON \`_progress_updates_v\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_progress_updates_v_updated_at_idx\` ON \`_progress_updates_v\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`version_initiative_version_cycle_idx\` ON \`_progress_updates_v\` (\`version_initiative_id\`,\`version_cycle_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_users_roles\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_users_roles\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`users_roles\`;`,
    )
    await db.run(sql`DROP TABLE \`users_roles\`;`)
    await db.run(sql`ALTER TABLE \`__new_users_roles\` RENAME TO \`users_roles\`;`)
    await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
    await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
    await db.run(sql`CREATE TABLE \`__new_users\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`name\` text NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`email\` text NOT NULL,
    	\`reset_password_token\` text,
    	\`reset_password_expiration\` text,
    	\`salt\` text,
    	\`hash\` text,
    	\`login_attempts\` numeric DEFAULT 0,
    	\`lock_until\` text
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_users\`("id", "name", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "login_attempts", "lock_until") SELECT "id", "name", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "login_attempts", "lock_until" FROM \`users\`;`,
    )
    await db.run(sql`DROP TABLE \`users\`;`)
    await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
    await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
    await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
    await db.run(sql`CREATE TABLE \`__new_members_roles\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_members_roles\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`members_roles\`;`,
    )
    await db.run(sql`DROP TABLE \`members_roles\`;`)
    await db.run(sql`ALTER TABLE \`__new_members_roles\` RENAME TO \`members_roles\`;`)
    await db.run(sql`CREATE INDEX \`members_roles_order_idx\` ON \`members_roles\` (\`order\`);`)
    await db.run(
      sql`CREATE INDEX \`members_roles_parent_idx\` ON \`members_roles\` (\`parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_members\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`name\` text NOT NULL,
    	\`membership_expires\` text,
    	\`active\` integer DEFAULT true,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`email\` text,
    	\`username\` text NOT NULL,
    	\`reset_password_token\` text,
    	\`reset_password_expiration\` text,
    	\`salt\` text,
    	\`hash\` text,
    	\`login_attempts\` numeric DEFAULT 0,
    	\`lock_until\` text
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_members\`("id", "name", "membership_expires", "active", "updated_at", "created_at", "email", "username", "reset_password_token", "reset_password_expiration", "salt", "hash", "login_attempts", "lock_until") SELECT "id", "name", "membership_expires", "active", "updated_at", "created_at", "email", "username", "reset_password_token", "reset_password_expiration", "salt", "hash", "login_attempts", "lock_until" FROM \`members\`;`,
    )
    await db.run(sql`DROP TABLE \`members\`;`)
    await db.run(sql`ALTER TABLE \`__new_members\` RENAME TO \`members\`;`)
    await db.run(sql`CREATE INDEX \`members_updated_at_idx\` ON \`members\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`members_created_at_idx\` ON \`members\` (\`created_at\`);`)
    await db.run(sql`CREATE UNIQUE INDEX \`members_username_idx\` ON \`members\` (\`username\`);`)
    await db.run(sql`CREATE TABLE \`__new_payload_kv\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`key\` text NOT NULL,
    	\`data\` text NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_kv\`("id", "key", "data") SELECT "id", "key", "data" FROM \`payload_kv\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_kv\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_kv\` RENAME TO \`payload_kv\`;`)
    await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
    await db.run(sql`CREATE TABLE \`__new_payload_locked_documents\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`global_slug\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_locked_documents\`("id", "global_slug", "updated_at", "created_at") SELECT "id", "global_slug", "updated_at", "created_at" FROM \`payload_locked_documents\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_payload_locked_documents\` RENAME TO \`payload_locked_documents\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_preferences\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`key\` text,
    	\`value\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_preferences\`("id", "key", "value", "updated_at", "created_at") SELECT "id", "key", "value", "updated_at", "created_at" FROM \`payload_preferences\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_preferences\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_preferences\` RENAME TO \`payload_preferences\`;`)
    await db.run(
      sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_migrations\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`name\` text,
    	\`batch\` numeric,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_migrations\`("id", "name", "batch", "updated_at", "created_at") SELECT "id", "name", "batch", "updated_at", "created_at" FROM \`payload_migrations\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_migrations\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_migrations\` RENAME TO \`payload_migrations\`;`)
    await db.run(
      sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`,
    )
  })
}
