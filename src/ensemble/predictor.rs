//! [`Ensemble`]: the models of a `.fpk` file (one or several) on a device, predicting as one.

use std::borrow::Cow;

use burn::tensor::Device;
use serde::Serialize;

use super::flip::{mirror, unmirror};
use crate::cpu::CpuNet;
use crate::data::FaceSet;
use crate::keypoints::NUM_COORDS;
use crate::model::KeypointCnn;
use crate::model_file::{Checkpoint, CheckpointError, CheckpointMeta, TrainingSummary};
use crate::model_file::{EnsembleInfo, member_files};
use crate::predict::{PredictError, predict, predict_cpu};

/// One model of an ensemble, ready to predict.
struct Member {
    model: KeypointCnn,
    /// The model packed for CPU inference, on the CPU backend.
    cpu: Option<CpuNet>,
    meta: CheckpointMeta,
}

/// The models of one model file, predicting the mean of their keypoints.
pub struct Ensemble {
    members: Vec<Member>,
    info: EnsembleInfo,
    device: Device,
}

/// What a model file holds, as the page and `describe` show it: for a single model its
/// architecture and training summary; for an ensemble a name listing its members, its own
/// score, and every member's description.
#[derive(Debug, Clone, Serialize)]
pub struct Description {
    pub model: DescribedModel,
    pub summary: Option<TrainingSummary>,
    pub flip: bool,
    pub members: Vec<CheckpointMeta>,
}

/// The model's name (for a single model, its whole architecture).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum DescribedModel {
    Single(crate::model::ModelConfig),
    Ensemble { name: String },
}

impl Ensemble {
    /// Reads a model file of either version onto `device`, every member checked.
    pub fn from_bytes(bytes: &[u8], device: &Device) -> Result<Self, CheckpointError> {
        let (info, files) = member_files(bytes)?;
        let n = files.len();
        let mut members = Vec::with_capacity(n);
        for (i, file) in files.into_iter().enumerate() {
            let in_member = |e: CheckpointError| match n {
                1 => e,
                _ => CheckpointError::Meta(format!("model {} of the ensemble's {n}: {e}", i + 1)),
            };
            let checkpoint = Checkpoint::from_bytes(file).map_err(in_member)?;
            let meta = checkpoint.meta.clone();
            let model = checkpoint.into_model(device).map_err(in_member)?;
            members.push(Member {
                cpu: CpuNet::for_device(&model, device, meta.normalization.pixel_scale),
                model,
                meta,
            });
        }
        Ok(Ensemble {
            members,
            info,
            device: device.clone(),
        })
    }

    /// The same models computing with the same rounding on every CPU ([`CpuNet::portable`]):
    /// on the CPU backend, a file of predictions is then the same bytes natively and in the
    /// browser's engine.
    pub fn portable(mut self) -> Self {
        for member in &mut self.members {
            member.cpu = member.cpu.take().map(CpuNet::portable);
        }
        self
    }

    /// How many models predict.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Never: a file holds at least one model.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Whether the file asks for the test-time flip.
    pub fn flip(&self) -> bool {
        self.info.flip
    }

    /// The first model's description (the only one's, for a single-model file).
    pub fn first(&self) -> &CheckpointMeta {
        &self.members[0].meta
    }

    /// `model2`, or `ensemble of 3 (model2, model2, model3) + flip`.
    pub fn name(&self) -> String {
        if self.members.len() == 1 && !self.info.flip {
            return self.first().model.name.clone();
        }
        let names: Vec<&str> = self
            .members
            .iter()
            .map(|m| m.meta.model.name.as_str())
            .collect();
        format!(
            "ensemble of {} ({}){}",
            names.len(),
            names.join(", "),
            if self.info.flip { " + flip" } else { "" }
        )
    }

    /// What the file holds, for people.
    pub fn description(&self) -> Description {
        let members: Vec<CheckpointMeta> = self.members.iter().map(|m| m.meta.clone()).collect();
        if members.len() == 1 && !self.info.flip {
            return Description {
                model: DescribedModel::Single(members[0].model.clone()),
                summary: members[0].summary.clone(),
                flip: false,
                members,
            };
        }
        Description {
            model: DescribedModel::Ensemble { name: self.name() },
            summary: self.info.valid_rmse.map(|rmse| TrainingSummary {
                valid_rmse: rmse,
                split: self.info.split.clone(),
                ..TrainingSummary::default()
            }),
            flip: self.info.flip,
            members,
        }
    }

    /// Keypoints in pixels (`faces.len() × 30`): the mean of every model's, each face and,
    /// with `flip`, its mirror image (whose keypoints are turned back) counting once each.
    /// A single model without flip gives exactly its own prediction.
    pub async fn predict(
        &self,
        faces: &FaceSet,
        batch: usize,
        flip: bool,
    ) -> Result<Vec<f32>, PredictError> {
        let set = match flip {
            false => Cow::Borrowed(faces),
            true => {
                let mut both = faces.clone();
                for i in 0..faces.len() {
                    both.push(faces.ids[i], &mirror(faces.image(i)), faces.coords(i));
                }
                Cow::Owned(both)
            }
        };
        let mut sum = vec![0.0f32; set.len() * NUM_COORDS];
        for member in &self.members {
            let coords = match &member.cpu {
                Some(net) => predict_cpu(net, &set, &member.meta.normalization, batch)?,
                None => {
                    predict(
                        &member.model,
                        &set,
                        &member.meta.normalization,
                        batch,
                        &self.device,
                    )
                    .await?
                }
            };
            sum.iter_mut().zip(coords).for_each(|(s, c)| *s += c);
        }
        let n = self.members.len() as f32;
        sum.iter_mut().for_each(|s| *s /= n);
        if !flip {
            return Ok(sum);
        }
        let (direct, mirrored) = sum.split_at(faces.len() * NUM_COORDS);
        let mut out = direct.to_vec();
        for (face, back) in out
            .chunks_exact_mut(NUM_COORDS)
            .zip(mirrored.chunks_exact(NUM_COORDS))
        {
            face.iter_mut()
                .zip(unmirror(back))
                .for_each(|(a, b)| *a = (*a + b) / 2.0);
        }
        Ok(out)
    }

    /// [`Self::predict`] with the file's own flip setting.
    pub async fn predict_as_saved(
        &self,
        faces: &FaceSet,
        batch: usize,
    ) -> Result<Vec<f32>, PredictError> {
        self.predict(faces, batch, self.info.flip).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keypoints::IMAGE_PIXELS;
    use crate::model::ModelConfig;
    use crate::model_file::ensemble_to_bytes;
    use crate::model_file::save_to_bytes;
    use crate::normalize::Normalization;

    fn saved(seed: u64) -> Vec<u8> {
        let device = Device::flex();
        device.seed(seed);
        let config = ModelConfig::preset("model2").unwrap();
        let meta = CheckpointMeta {
            model: config.clone(),
            normalization: Normalization::default(),
            summary: None,
        };
        save_to_bytes(config.init(&device).unwrap(), &meta).unwrap()
    }

    fn faces(n: usize) -> FaceSet {
        let mut set = FaceSet::default();
        for i in 0..n {
            let image: Vec<u8> = (0..IMAGE_PIXELS)
                .map(|p| ((p * (i + 3) + p / 96 * 5) % 256) as u8)
                .collect();
            set.push(i as u32 + 1, &image, &[f32::NAN; NUM_COORDS]);
        }
        set
    }

    fn run(bytes: &[u8], set: &FaceSet, flip: bool) -> Vec<f32> {
        let ensemble = Ensemble::from_bytes(bytes, &Device::flex()).unwrap();
        pollster::block_on(ensemble.predict(set, 4, flip)).unwrap()
    }

    #[test]
    fn the_ensemble_predicts_the_mean_of_its_members() {
        let (a, b) = (saved(1), saved(2));
        let set = faces(5);
        let (pa, pb) = (run(&a, &set, false), run(&b, &set, false));
        assert_ne!(pa, pb, "two different models");
        let both = ensemble_to_bytes(&[&a, &b], &EnsembleInfo::default()).unwrap();
        let mean = run(&both, &set, false);
        for ((m, x), y) in mean.iter().zip(&pa).zip(&pb) {
            assert!((m - (x + y) / 2.0).abs() < 1e-4, "{m} vs {x} and {y}");
        }
    }

    #[test]
    fn the_flip_averages_a_face_and_its_mirror_turned_back() {
        let a = saved(3);
        let set = faces(3);
        let mut mirrored = FaceSet::default();
        for i in 0..set.len() {
            mirrored.push(set.ids[i], &mirror(set.image(i)), set.coords(i));
        }
        let (direct, on_mirror) = (run(&a, &set, false), run(&a, &mirrored, false));
        let flipped = run(&a, &set, true);
        for i in 0..set.len() {
            let back = unmirror(&on_mirror[i * NUM_COORDS..][..NUM_COORDS]);
            for c in 0..NUM_COORDS {
                let want = (direct[i * NUM_COORDS + c] + back[c]) / 2.0;
                assert!((flipped[i * NUM_COORDS + c] - want).abs() < 1e-4);
            }
        }
        // Saved with flip on, the file predicts that way by itself.
        let info = EnsembleInfo {
            flip: true,
            ..EnsembleInfo::default()
        };
        let file = ensemble_to_bytes(&[&a], &info).unwrap();
        let ensemble = Ensemble::from_bytes(&file, &Device::flex()).unwrap();
        assert_eq!(
            pollster::block_on(ensemble.predict_as_saved(&set, 4)).unwrap(),
            flipped
        );
        assert_eq!(ensemble.name(), "ensemble of 1 (model2) + flip");
    }
}
