-- Indexes behind question answering: a person's meetings and quotes without table look-ups.
CREATE INDEX IF NOT EXISTS meeting_participants_person_meeting ON meeting_participants(person_id, meeting_id);
CREATE INDEX IF NOT EXISTS quotes_person_article ON quotes(person_id, article_id);
CREATE INDEX IF NOT EXISTS mentions_person_article ON mentions(person_id, article_id);
