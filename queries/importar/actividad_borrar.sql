-- Remove an activity: a rollback of the import that inserted it, or its author deleting a draft (its links and
-- reports go first). Parameters: $id.
delete from actividades where id = $id
