CREATE TABLE "dispute_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"side" text NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"evidence_index" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"side" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_votes" (
	"dispute_id" uuid NOT NULL,
	"arbitrator_user_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"awarded_to_claimant_fen" bigint,
	"reasons" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_votes_dispute_id_arbitrator_user_id_pk" PRIMARY KEY("dispute_id","arbitrator_user_id")
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"contract_title" text NOT NULL,
	"contract_amount_fen" bigint NOT NULL,
	"claimant_org_id" uuid NOT NULL,
	"respondent_org_id" uuid NOT NULL,
	"filed_by_user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"amount_in_dispute_fen" bigint,
	"claim" text NOT NULL,
	"status" text NOT NULL,
	"level" integer NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"team_due_at" timestamp with time zone NOT NULL,
	"team_formed_at" timestamp with time zone,
	"owner_user_id" uuid,
	"specialist_user_id" uuid,
	"mediation_due_at" timestamp with time zone NOT NULL,
	"mediation_ended_at" timestamp with time zone,
	"mediation_note" text,
	"arbitrator_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hold_transfer_id" uuid,
	"held_fen" bigint NOT NULL,
	"outcome" text,
	"awarded_to_claimant_fen" bigint,
	"decision_reasons" text,
	"decided_at" timestamp with time zone,
	"decision_sha256" text,
	"external_institution" text,
	"external_reference" text,
	"external_manifest_sha256" text,
	"digest" text,
	CONSTRAINT "disputes_case_no_unique" UNIQUE("case_no")
);
--> statement-breakpoint
CREATE INDEX "dispute_evidence_dispute_idx" ON "dispute_evidence" USING btree ("dispute_id","created_at");--> statement-breakpoint
CREATE INDEX "dispute_messages_dispute_idx" ON "dispute_messages" USING btree ("dispute_id","created_at");--> statement-breakpoint
CREATE INDEX "disputes_claimant_idx" ON "disputes" USING btree ("claimant_org_id","filed_at");--> statement-breakpoint
CREATE INDEX "disputes_respondent_idx" ON "disputes" USING btree ("respondent_org_id","filed_at");--> statement-breakpoint
CREATE INDEX "disputes_status_idx" ON "disputes" USING btree ("status");