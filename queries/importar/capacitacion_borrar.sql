-- Remove a training: a rollback of the import that inserted it, or its author deleting a draft. Parameters: $id.
delete from capacitaciones where id = $id
