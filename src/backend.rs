//! The one place where a compute backend is chosen: burn's `flex` CPU backend, or the GPU
//! through wgpu (WGSL natively, WebGPU in a browser). Native builds have both; each of the
//! page's two wasm engines has one (cfgs `cpu_backend` / `gpu_backend`, see build.rs).

use burn::tensor::{Device, Tensor};
use serde::{Deserialize, Serialize};

/// No usable device, or the device failed while computing or reading back.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct DeviceError(pub String);

/// Which backend runs the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    all(feature = "cli", not(target_arch = "wasm32")),
    derive(clap::ValueEnum)
)]
#[serde(rename_all = "snake_case")]
pub enum BackendKind {
    /// burn `flex`: pure-Rust CPU (SIMD, multi-threaded natively).
    Flex,
    /// burn `wgpu`: the GPU (natively through WGSL; WebGPU in a browser).
    Wgpu,
}

/// A ready device and a human description of it (backend and adapter).
#[derive(Clone)]
pub struct Backend {
    /// Which backend.
    pub kind: BackendKind,
    /// The device tensors go to.
    pub device: Device,
    /// E.g. `flex (CPU)` or `wgpu: llvmpipe (LLVM 15.0.6, 256 bits) [Cpu, Vulkan]`.
    pub description: String,
    /// Whether the adapter is a software rasteriser / CPU fallback.
    pub is_software: bool,
}

impl Backend {
    /// The CPU backend.
    #[cfg(cpu_backend)]
    pub fn flex() -> Self {
        Backend {
            kind: BackendKind::Flex,
            device: Device::flex(),
            description: "flex (CPU)".into(),
            is_software: false,
        }
    }

    /// The GPU through wgpu, initialised once per process (later calls share it).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn wgpu() -> Result<Self, DeviceError> {
        static WGPU: std::sync::OnceLock<Result<Backend, String>> = std::sync::OnceLock::new();
        WGPU.get_or_init(|| {
            let (device, setup) = Device::wgpu_options()
                .init_with_setup()
                .map_err(|e| format!("no usable GPU adapter: {e}"))?;
            let info = setup.adapter.get_info();
            Ok(Backend {
                kind: BackendKind::Wgpu,
                device,
                description: format!(
                    "wgpu: {} [{:?}, {:?}]",
                    info.name, info.device_type, info.backend
                ),
                is_software: info.device_type == burn::tensor::wgpu::wgpu::DeviceType::Cpu,
            })
        })
        .clone()
        .map_err(DeviceError)
    }

    /// The GPU through WebGPU in a browser (or wgpu natively), set up once per thread (a
    /// worker): later calls share the first one's device, since the runtime cannot be
    /// initialised twice.
    #[cfg(gpu_backend)]
    pub async fn webgpu() -> Result<Self, DeviceError> {
        thread_local! {
            static WEBGPU: std::cell::RefCell<Option<Backend>> = const { std::cell::RefCell::new(None) };
        }
        if let Some(b) = WEBGPU.with(|w| w.borrow().clone()) {
            return Ok(b);
        }
        let b = Self::wgpu_async().await?;
        WEBGPU.with(|w| *w.borrow_mut() = Some(b.clone()));
        Ok(b)
    }

    /// The GPU through wgpu, initialised asynchronously (the only way in a browser, where
    /// it is WebGPU). Call once per thread: the runtime cannot be initialised twice.
    #[cfg(gpu_backend)]
    async fn wgpu_async() -> Result<Self, DeviceError> {
        let (device, setup) = Device::wgpu_options()
            .init_with_setup_async()
            .await
            .map_err(|e| DeviceError(format!("no usable WebGPU/GPU adapter: {e}")))?;
        let info = setup.adapter.get_info();
        Ok(Backend {
            kind: BackendKind::Wgpu,
            device,
            description: format!("WebGPU: {} [{:?}]", adapter_name(&info), info.device_type),
            is_software: info.device_type == burn::tensor::wgpu::wgpu::DeviceType::Cpu,
        })
    }

    /// The backend of `kind`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of(kind: BackendKind) -> Result<Self, DeviceError> {
        match kind {
            BackendKind::Flex => Ok(Self::flex()),
            BackendKind::Wgpu => Self::wgpu(),
        }
    }
}

/// Whether `device` is the flex CPU backend's (where [`crate::cpu::CpuNet`] predicts).
pub fn is_cpu(device: &Device) -> bool {
    #[cfg(cpu_backend)]
    return *device == Device::flex();
    #[cfg(not(cpu_backend))]
    {
        let _ = device;
        false
    }
}

/// A tensor's values, read back asynchronously (the only way a GPU tensor can be read in a
/// browser; natively it waits for the device).
pub async fn read_back<const D: usize>(tensor: Tensor<D>) -> Result<Vec<f32>, DeviceError> {
    let data = tensor
        .into_data_async()
        .await
        .map_err(|e| DeviceError(format!("reading a result back failed: {e}")))?;
    data.try_into_vec::<f32>()
        .map_err(|e| DeviceError(format!("a result has an unexpected type: {e}")))
}

/// The most telling name an adapter gives (browsers often leave `name` empty).
#[cfg(gpu_backend)]
fn adapter_name(info: &burn::tensor::wgpu::wgpu::AdapterInfo) -> String {
    [&info.name, &info.driver, &info.driver_info]
        .into_iter()
        .find(|s| !s.is_empty())
        .cloned()
        .unwrap_or_else(|| format!("vendor {:#x}", info.vendor))
}
