CREATE TABLE "expert_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"question_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asker_user_id" uuid NOT NULL,
	"asker_org_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"expert_id" uuid,
	"fee_fen" integer,
	"speciality" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"accepted_answer_id" uuid,
	"tokens" "tsvector" NOT NULL,
	"trgm_text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"answer_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"rater_user_id" uuid NOT NULL,
	"stars" smallint NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"employer" text NOT NULL,
	"years" integer NOT NULL,
	"specialities" text[] NOT NULL,
	"regions" text[] NOT NULL,
	"fee_fen" integer,
	"bio" text NOT NULL,
	"certificate_file_ids" uuid[] NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expert_answers" ADD CONSTRAINT "expert_answers_question_id_expert_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."expert_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_answers" ADD CONSTRAINT "expert_answers_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_ratings" ADD CONSTRAINT "expert_ratings_answer_id_expert_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."expert_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_answers_question_idx" ON "expert_answers" USING btree ("question_id","created_at");--> statement-breakpoint
CREATE INDEX "expert_answers_expert_idx" ON "expert_answers" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_questions_visibility_idx" ON "expert_questions" USING btree ("visibility","created_at");--> statement-breakpoint
CREATE INDEX "expert_questions_org_idx" ON "expert_questions" USING btree ("asker_org_id","created_at");--> statement-breakpoint
CREATE INDEX "expert_questions_expert_idx" ON "expert_questions" USING btree ("expert_id","created_at");--> statement-breakpoint
CREATE INDEX "expert_questions_asker_idx" ON "expert_questions" USING btree ("asker_user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_ratings_answer_rater_idx" ON "expert_ratings" USING btree ("answer_id","rater_user_id");--> statement-breakpoint
CREATE INDEX "expert_ratings_expert_idx" ON "expert_ratings" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_idx" ON "experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "experts_status_idx" ON "experts" USING btree ("status","submitted_at");