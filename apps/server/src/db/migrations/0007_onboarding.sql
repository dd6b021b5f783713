CREATE TABLE "commission_policy_versions" (
	"policy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"active" boolean NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"requested_by" uuid,
	"approved_by" uuid,
	"dual_control_request_id" uuid,
	CONSTRAINT "commission_policy_versions_policy_id_version_pk" PRIMARY KEY("policy_id","version")
);
--> statement-breakpoint
CREATE TABLE "banned_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"category" text NOT NULL,
	"basis" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "banned_terms_term_unique" UNIQUE("term")
);
--> statement-breakpoint
CREATE TABLE "takedowns" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"taken_down_by" uuid NOT NULL,
	"taken_down_by_name" text NOT NULL,
	"taken_down_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lifted_by_name" text,
	CONSTRAINT "takedowns_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "merchant_applications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"stage" text NOT NULL,
	"category_code" text NOT NULL,
	"service_regions" text[] NOT NULL,
	"shop_name" text NOT NULL,
	"profile" text NOT NULL,
	"tier" text,
	"verification_id" uuid NOT NULL,
	"review_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"inspection_scheduled_for" date,
	"inspector" text,
	"inspection_video_file_id" uuid,
	"inspection_result" text,
	"inspection_notes" text,
	"inspected_by" uuid,
	"agreement_version" text,
	"agreement_sha256" text,
	"agreement_accepted_at" timestamp with time zone,
	"agreement_accepted_by" uuid,
	"suspended_reason" text,
	"first_submitted_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"stage_entered_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	CONSTRAINT "merchant_applications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "merchant_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"key" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchant_stage_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"by_name" text,
	CONSTRAINT "merchant_stage_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "merchant_tier_history" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"from_tier" text,
	"to_tier" text NOT NULL,
	"reason" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "merchant_tier_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_tier_history" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"from_tier" text NOT NULL,
	"to_tier" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "org_tier_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_tiers" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"tier" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"quiet_quarters" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expiry_notices" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject" text NOT NULL,
	"kind" text NOT NULL,
	"valid_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expiry_notices_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "verification_qualifications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"verification_id" uuid NOT NULL,
	"position" bigint NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"grade" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"file_id" uuid NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	CONSTRAINT "verification_qualifications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "verification_submissions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"licence_credit_code" text NOT NULL,
	"licence_company_name" text NOT NULL,
	"licence_legal_representative" text NOT NULL,
	"licence_capital_fen" bigint NOT NULL,
	"licence_address" text NOT NULL,
	"licence_valid_from" date NOT NULL,
	"licence_valid_until" date,
	"licence_file_id" uuid NOT NULL,
	"licence_status" text DEFAULT 'valid' NOT NULL,
	"id_name" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_birth_date" date NOT NULL,
	"id_valid_until" date,
	"id_front_file_id" uuid NOT NULL,
	"id_back_file_id" uuid NOT NULL,
	"id_status" text DEFAULT 'valid' NOT NULL,
	"checks" jsonb NOT NULL,
	"decision" text,
	"decision_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_submissions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "takedowns_id_idx" ON "takedowns" USING btree ("id");--> statement-breakpoint
CREATE INDEX "takedowns_subject_idx" ON "takedowns" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_applications_id_idx" ON "merchant_applications" USING btree ("id");--> statement-breakpoint
CREATE INDEX "merchant_applications_stage_idx" ON "merchant_applications" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "merchant_stage_events_application_idx" ON "merchant_stage_events" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expiry_notices_subject_idx" ON "expiry_notices" USING btree ("org_id","subject","kind","valid_until");--> statement-breakpoint
CREATE INDEX "verification_qualifications_verification_idx" ON "verification_qualifications" USING btree ("verification_id");--> statement-breakpoint
CREATE INDEX "verification_qualifications_valid_until_idx" ON "verification_qualifications" USING btree ("valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_submissions_id_idx" ON "verification_submissions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "verification_submissions_status_idx" ON "verification_submissions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "verification_submissions_credit_code_idx" ON "verification_submissions" USING btree ("licence_credit_code");