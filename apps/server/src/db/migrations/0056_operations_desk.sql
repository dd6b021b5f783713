CREATE TABLE "ops_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"manager_user_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_event" text,
	"closed_reference" text
);
--> statement-breakpoint
CREATE TABLE "ops_assists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assignment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"notes" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ops_centre_members" (
	"centre_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ops_centre_members_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "ops_centres" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"territories" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ops_centres_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "ops_leads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"company_name" text NOT NULL,
	"credit_code" text,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"region_code" text NOT NULL,
	"source" text NOT NULL,
	"state" text NOT NULL,
	"org_id" uuid,
	"registered_at" timestamp with time zone,
	"first_deal_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ops_reports" (
	"month" text PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" text NOT NULL,
	"period_start" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ops_targets" (
	"user_id" uuid NOT NULL,
	"month" text NOT NULL,
	"new_customers" integer NOT NULL,
	"set_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ops_targets_user_id_month_pk" PRIMARY KEY("user_id","month")
);
--> statement-breakpoint
CREATE TABLE "ops_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"notes" text NOT NULL,
	"next_step" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"accuracy_m" double precision
);
--> statement-breakpoint
CREATE INDEX "ops_assignments_manager_idx" ON "ops_assignments" USING btree ("manager_user_id","closed_at");--> statement-breakpoint
CREATE INDEX "ops_assignments_org_idx" ON "ops_assignments" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "ops_assists_assignment_idx" ON "ops_assists" USING btree ("assignment_id","at");--> statement-breakpoint
CREATE INDEX "ops_centre_members_centre_idx" ON "ops_centre_members" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "ops_leads_owner_idx" ON "ops_leads" USING btree ("owner_user_id","state");--> statement-breakpoint
CREATE INDEX "ops_leads_centre_idx" ON "ops_leads" USING btree ("centre_id","state");--> statement-breakpoint
CREATE INDEX "ops_leads_credit_code_idx" ON "ops_leads" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "ops_leads_org_idx" ON "ops_leads" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_reports_period_idx" ON "ops_reports" USING btree ("period_start");--> statement-breakpoint
CREATE INDEX "ops_visits_lead_idx" ON "ops_visits" USING btree ("lead_id","visited_at");--> statement-breakpoint
CREATE INDEX "ops_visits_user_idx" ON "ops_visits" USING btree ("user_id","visited_at");