CREATE TABLE "evidence_checkpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_entries" (
	"entry_index" bigint PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"content_sha256" text NOT NULL,
	"org_id" uuid,
	"leaf_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_nodes" (
	"level" integer NOT NULL,
	"node_index" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "evidence_nodes_level_node_index_pk" PRIMARY KEY("level","node_index")
);
--> statement-breakpoint
CREATE INDEX "evidence_entries_sha_idx" ON "evidence_entries" USING btree ("content_sha256");--> statement-breakpoint
CREATE INDEX "evidence_entries_subject_idx" ON "evidence_entries" USING btree ("subject");