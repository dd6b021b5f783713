CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"version_no" integer NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"doc_number" text NOT NULL,
	"issue_date" date NOT NULL,
	"effective_date" date NOT NULL,
	"expiry_date" date,
	"region_code" text,
	"category" text NOT NULL,
	"tags" text[] NOT NULL,
	"summary" text NOT NULL,
	"tokens" "tsvector" NOT NULL,
	"trgm_text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdraw_reason" text
);
--> statement-breakpoint
CREATE TABLE "policy_notices" (
	"policy_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_notices_policy_id_user_id_pk" PRIMARY KEY("policy_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "policy_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"region_code" text,
	"category" text,
	"keyword" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"policy_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"doc_number" text NOT NULL,
	"issue_date" date NOT NULL,
	"effective_date" date NOT NULL,
	"expiry_date" date,
	"region_code" text,
	"category" text NOT NULL,
	"tags" text[] NOT NULL,
	"full_text" text NOT NULL,
	"pdf_file_id" uuid,
	"key_points" text NOT NULL,
	"impact" text NOT NULL,
	"affected" text NOT NULL,
	"change_note" text NOT NULL,
	"edited_by" uuid NOT NULL,
	"edited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_versions_policy_id_version_no_pk" PRIMARY KEY("policy_id","version_no")
);
--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policies_status_issue_idx" ON "policies" USING btree ("status","issue_date","id");--> statement-breakpoint
CREATE INDEX "policies_region_idx" ON "policies" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "policies_category_idx" ON "policies" USING btree ("category");--> statement-breakpoint
CREATE INDEX "policy_subscriptions_user_idx" ON "policy_subscriptions" USING btree ("user_id","created_at");