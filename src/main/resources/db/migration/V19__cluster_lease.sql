-- Jobs that must run on one node of a cluster at a time: the node holding an unexpired lease runs the job and renews
-- the lease each run; when it dies, another node takes the lease over once it has expired.
create table cluster_lease (
    name       varchar(64)  not null primary key,
    holder     varchar(120) not null,
    expires_at timestamp(3) not null
);

insert into cluster_lease (name, holder, expires_at) values ('scheduler', '', '1970-01-01 00:00:01');
