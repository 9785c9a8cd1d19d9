-- One training, as the write functions read it before a change. Grain: zero or one row. Parameters: $id.
select * from capacitaciones where id = $id
