CREATE TABLE "credit_loan_overdues" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"due_date" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "credit_loan_overdues_org_idx" ON "credit_loan_overdues" USING btree ("org_id");