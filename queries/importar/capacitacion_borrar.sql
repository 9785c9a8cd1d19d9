-- Remove a training (a rollback of the import that inserted it). Parameters: $id.
delete from capacitaciones where id = $id
