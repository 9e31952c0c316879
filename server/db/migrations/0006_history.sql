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
ALTER TABLE "number_events" ADD CONSTRAINT "number_events_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "number_events_space_id_idx" ON "number_events" USING btree ("space_id","id");--> statement-breakpoint
CREATE INDEX "number_events_number_idx" ON "number_events" USING btree ("space_id","phone_number","id");--> statement-breakpoint
CREATE INDEX "number_events_observed_idx" ON "number_events" USING btree ("observed_at");