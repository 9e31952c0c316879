CREATE TABLE "alert_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"space_id" text,
	"kind" text NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_qr_lists" (
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"not_verified" boolean DEFAULT false NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "inventory_qr_lists_space_id_phone_number_pk" PRIMARY KEY("space_id","phone_number")
);
--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"user_id" text NOT NULL,
	"notification_id" bigint NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_reads_user_id_notification_id_pk" PRIMARY KEY("user_id","notification_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"number_event_id" bigint NOT NULL,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text,
	"observed_at" timestamp with time zone NOT NULL,
	"via" text NOT NULL,
	"source" text NOT NULL,
	"operation" text,
	"actor_id" text,
	"actor_email" text,
	"audit_event_id" bigint
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "client_address" text;--> statement-breakpoint
ALTER TABLE "inventory_keys" ADD COLUMN "state" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "retry_rounds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_qr_lists" ADD CONSTRAINT "inventory_qr_lists_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_events" ADD CONSTRAINT "number_events_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_rules_space_kind_idx" ON "alert_rules" USING btree ("space_id","kind") WHERE "alert_rules"."space_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_rules_global_kind_idx" ON "alert_rules" USING btree ("kind") WHERE "alert_rules"."space_id" is null;--> statement-breakpoint
CREATE INDEX "notifications_space_id_idx" ON "notifications" USING btree ("space_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_kind_idx" ON "notifications" USING btree ("number_event_id","kind");--> statement-breakpoint
CREATE INDEX "number_events_space_id_idx" ON "number_events" USING btree ("space_id","id");--> statement-breakpoint
CREATE INDEX "number_events_number_idx" ON "number_events" USING btree ("space_id","phone_number","id");--> statement-breakpoint
CREATE INDEX "number_events_observed_idx" ON "number_events" USING btree ("observed_at");