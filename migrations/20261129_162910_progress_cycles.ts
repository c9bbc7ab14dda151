import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`cycles\` (
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
  await db.run(sql`CREATE INDEX \`cycles_plan_idx\` ON \`cycles\` (\`plan_id\`);`)
  await db.run(sql`CREATE INDEX \`cycles_state_idx\` ON \`cycles\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`cycles_updated_at_idx\` ON \`cycles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cycles_created_at_idx\` ON \`cycles\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`progress_updates\` (
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
  await db.run(sql`CREATE TABLE \`_progress_updates_v\` (
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
  await db.run(sql`ALTER TABLE \`initiatives\` ADD \`last_update_at\` text;`)
  await db.run(
    sql`CREATE INDEX \`initiatives_last_update_at_idx\` ON \`initiatives\` (\`last_update_at\`);`,
  )
  await db.run(sql`ALTER TABLE \`_initiatives_v\` ADD \`version_last_update_at\` text;`)
  await db.run(
    sql`CREATE INDEX \`_initiatives_v_version_version_last_update_at_idx\` ON \`_initiatives_v\` (\`version_last_update_at\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`cycles_id\` integer REFERENCES cycles(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`progress_updates_id\` integer REFERENCES progress_updates(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_cycles_id_idx\` ON \`payload_locked_documents_rels\` (\`cycles_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_progress_updates_id_idx\` ON \`payload_locked_documents_rels\` (\`progress_updates_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`cycles\`;`)
  await db.run(sql`DROP TABLE \`progress_updates\`;`)
  await db.run(sql`DROP TABLE \`_progress_updates_v\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`plans_id\` integer,
  	\`goals_id\` integer,
  	\`objectives_id\` integer,
  	\`sections_id\` integer,
  	\`initiatives_id\` integer,
  	\`users_id\` integer,
  	\`members_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`plans_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`goals_id\`) REFERENCES \`goals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`objectives_id\`) REFERENCES \`objectives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`initiatives_id\`) REFERENCES \`initiatives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "plans_id", "goals_id", "objectives_id", "sections_id", "initiatives_id", "users_id", "members_id") SELECT "id", "order", "parent_id", "path", "plans_id", "goals_id", "objectives_id", "sections_id", "initiatives_id", "users_id", "members_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(
    sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_plans_id_idx\` ON \`payload_locked_documents_rels\` (\`plans_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_goals_id_idx\` ON \`payload_locked_documents_rels\` (\`goals_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_objectives_id_idx\` ON \`payload_locked_documents_rels\` (\`objectives_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_initiatives_id_idx\` ON \`payload_locked_documents_rels\` (\`initiatives_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`,
  )
  await db.run(sql`DROP INDEX \`initiatives_last_update_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`initiatives\` DROP COLUMN \`last_update_at\`;`)
  await db.run(sql`DROP INDEX \`_initiatives_v_version_version_last_update_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_initiatives_v\` DROP COLUMN \`version_last_update_at\`;`)
}
