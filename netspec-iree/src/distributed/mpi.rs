//! The ranks of an `mpirun` launch, through MPI (the `mpi` crate over the system's MPI library:
//! OpenMPI or MPICH).

use std::rc::Rc;

use mpi::collective::SystemOperation;
use mpi::environment::Universe;
use mpi::topology::{Communicator, SimpleCommunicator};
use mpi::traits::CommunicatorCollectives;
use mpi::Threading;

use super::Collective;
use crate::error::Error;

/// MPI's world communicator as a [`Collective`].
pub struct Ranks {
    comm: SimpleCommunicator,
}

impl Collective for Ranks {
    fn rank(&self) -> usize {
        self.comm.rank() as usize
    }
    fn ranks(&self) -> usize {
        self.comm.size() as usize
    }
    // MPI's default error handler on the world communicator aborts the job on a failed
    // collective (mpirun then names the rank that failed), so these return Ok or never return.
    fn sum_f32(&self, values: &mut [f32]) -> Result<(), Error> {
        let send = values.to_vec();
        self.comm
            .all_reduce_into(&send[..], values, SystemOperation::sum());
        Ok(())
    }
    fn sum_f64(&self, values: &mut [f64]) -> Result<(), Error> {
        let send = values.to_vec();
        self.comm
            .all_reduce_into(&send[..], values, SystemOperation::sum());
        Ok(())
    }
    fn gather_u64(&self, value: u64) -> Result<Vec<u64>, Error> {
        let mut all = vec![0u64; self.ranks()];
        self.comm.all_gather_into(&value, &mut all[..]);
        Ok(all)
    }
}

/// MPI for the life of this value: while it lives, trainers created on this thread train
/// data-parallel over the launch's ranks (when there are more than one). Dropping it ends MPI
/// (`MPI_Finalize`), so hold it until training and its writes are done.
pub struct World {
    ranks: Rc<Ranks>,
    _universe: Universe,
}

impl World {
    /// Initialises MPI when this process was started by an MPI launcher (`mpirun`, `mpiexec`,
    /// `srun`); `None` otherwise, so a plain start stays a single process without MPI.
    pub fn from_launcher() -> Result<Option<World>, Error> {
        const LAUNCHER_VARS: [&str; 4] = [
            "OMPI_COMM_WORLD_SIZE",
            "PMIX_RANK",
            "PMI_SIZE",
            "MPI_LOCALNRANKS",
        ];
        if !LAUNCHER_VARS.iter().any(|v| std::env::var_os(v).is_some()) {
            return Ok(None);
        }
        World::init().map(Some)
    }

    /// Initialises MPI (once per process) and installs its world as [`super::world`].
    pub fn init() -> Result<World, Error> {
        // Funneled: IREE's workers and the batch thread never call MPI; the training thread does.
        let (universe, _) =
            mpi::initialize_with_threading(Threading::Funneled).ok_or_else(|| {
                Error::Usage("MPI was already initialised in this process; create one World".into())
            })?;
        let ranks = Rc::new(Ranks {
            comm: universe.world(),
        });
        super::install(Some(ranks.clone()));
        Ok(World {
            ranks,
            _universe: universe,
        })
    }

    pub fn rank(&self) -> usize {
        self.ranks.rank()
    }

    pub fn ranks(&self) -> usize {
        self.ranks.ranks()
    }

    /// Waits until every rank has come here.
    pub fn barrier(&self) {
        self.ranks.comm.barrier();
    }

    /// Ends every rank of the run at once (`MPI_Abort`), with `code` as the exit status.
    pub fn abort(&self, code: i32) -> ! {
        self.ranks.comm.abort(code)
    }
}

impl Drop for World {
    fn drop(&mut self) {
        super::install(None);
    }
}
