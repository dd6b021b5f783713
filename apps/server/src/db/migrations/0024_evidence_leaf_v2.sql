CREATE TABLE "evidence_cosignatures" (
	"checkpoint_id" uuid NOT NULL,
	"witness" text NOT NULL,
	"line" text NOT NULL,
	"cosigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_cosignatures_checkpoint_id_witness_pk" PRIMARY KEY("checkpoint_id","witness")
);
--> statement-breakpoint
CREATE TABLE "evidence_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_subscriptions_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "evidence_witness_state" (
	"name" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key_enc" text NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_checkpoints" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "evidence_entries" ADD COLUMN "leaf_version" integer DEFAULT 1 NOT NULL;