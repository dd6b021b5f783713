CREATE TABLE "automation_enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"journey_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"entry_key" text NOT NULL,
	"status" text NOT NULL,
	"step_id" text,
	"next_run_at" timestamp with time zone,
	"entered_at" timestamp with time zone NOT NULL,
	"exit_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_journeys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template_key" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audience" text NOT NULL,
	"status" text NOT NULL,
	"segment" jsonb NOT NULL,
	"trigger" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"cursor" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_sends" (
	"id" uuid PRIMARY KEY NOT NULL,
	"journey_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"outcome" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"journey_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "automation_enrolments_entry_idx" ON "automation_enrolments" USING btree ("journey_id","subject_id","entry_key");--> statement-breakpoint
CREATE INDEX "automation_enrolments_due_idx" ON "automation_enrolments" USING btree ("status","next_run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "automation_sends_once_idx" ON "automation_sends" USING btree ("enrolment_id","step_id");--> statement-breakpoint
CREATE INDEX "automation_sends_subject_idx" ON "automation_sends" USING btree ("subject_id","at");--> statement-breakpoint
CREATE INDEX "automation_sends_journey_idx" ON "automation_sends" USING btree ("journey_id","at");--> statement-breakpoint
CREATE INDEX "automation_tasks_status_idx" ON "automation_tasks" USING btree ("status","due_at");